fn main() {
    leptos::mount::mount_to_body(threadview::components::App);
}
