//! Prints how long each stage takes for the English leaflet (cold, then warm).
use std::time::Instant;
fn main() {
    let h = handout::discover::discover(std::path::Path::new("handouts/ketamine"))
        .expect("discover")[0]
        .clone();
    for round in 0..5 {
        let t = Instant::now();
        let (doc, style) =
            handout::build::load(&h, "en", &Default::default(), Default::default()).expect("load");
        let t1 = t.elapsed();
        let geometry = handout::layout::Geometry::for_form(&Default::default());
        let laid = handout::layout::layout(&doc, &style, &geometry).expect("layout");
        let t2 = t.elapsed();
        let pdf = handout::pdf::render(&laid).expect("pdf");
        let t3 = t.elapsed();
        handout::build::verify(&doc, &laid, &pdf).expect("reads back");
        let t4 = t.elapsed();
        println!(
            "round {round}: load {:?} layout {:?} pdf {:?} verify {:?} ({} bytes)",
            t1,
            t2 - t1,
            t3 - t2,
            t4 - t3,
            pdf.len()
        );
    }
}
