fn main() -> std::process::ExitCode {
    pos_server::cli::main()
}
