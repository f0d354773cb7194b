// mimalloc: a leaflet makes ~100 000 small allocations, on which glibc's malloc spent
// ~15 % of a build's instructions. Its `no_thp` build (Cargo.toml) keeps transparent
// huge pages off, which otherwise more than doubled the peak RSS.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(handout::cli::run(std::env::args_os()));
}
