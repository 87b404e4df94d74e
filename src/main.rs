fn main() {
    // Before the first paint, so a reader who chose Dark never sees a light flash.
    threadview::components::theme::apply_saved_theme();
    leptos::mount::mount_to_body(threadview::components::App);
}
