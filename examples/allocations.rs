//! Counts heap allocations per leaflet: `cargo run --release --example allocations`.
//! Builds the English ketamine leaflet (A4) through the pipeline once to warm up
//! (fonts, hyphenation dictionaries, shaping plans), then ten times, and prints the
//! allocations and bytes allocated per leaflet for the load, layout and PDF stages.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;
static COUNT: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        COUNT.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        COUNT.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(new_size, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn snapshot() -> (usize, usize) {
    (COUNT.load(Ordering::Relaxed), BYTES.load(Ordering::Relaxed))
}

fn main() {
    let h = handout::discover::discover(std::path::Path::new("handouts/ketamine"))
        .expect("discover")[0]
        .clone();
    let form = handout::layout::PrintForm::default();
    let geometry = handout::layout::Geometry::for_form(&form);
    let limits = handout::model::Limits::default();
    let rounds = 10;
    let mut totals = [(0usize, 0usize); 3];
    for round in 0..=rounds {
        let s0 = snapshot();
        let (doc, style) = handout::build::load(&h, "en", &form, limits).expect("load");
        let s1 = snapshot();
        let laid = handout::build::typeset(&doc, &style, &geometry).expect("layout");
        let s2 = snapshot();
        let pdf = handout::pdf::render(&laid).expect("pdf");
        let s3 = snapshot();
        std::hint::black_box(pdf);
        if round == 0 {
            continue; // warm-up
        }
        for (t, (a, b)) in totals.iter_mut().zip([(s0, s1), (s1, s2), (s2, s3)]) {
            t.0 += b.0 - a.0;
            t.1 += b.1 - a.1;
        }
    }
    let mut all = (0, 0);
    for (name, (count, bytes)) in ["load", "layout", "pdf"].iter().zip(totals) {
        println!(
            "{name:>6}: {:>7} allocations, {:>8.1} KB allocated per leaflet",
            count / rounds,
            bytes as f64 / rounds as f64 / 1024.0
        );
        all.0 += count;
        all.1 += bytes;
    }
    println!(
        " total: {:>7} allocations, {:>8.1} KB allocated per leaflet",
        all.0 / rounds,
        all.1 as f64 / rounds as f64 / 1024.0
    );
}
