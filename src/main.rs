fn main() {
    std::process::exit(handout::cli::run(std::env::args_os()));
}
