// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK's accelerated compositing keeps GL surfaces for every layer: with Mesa's software
    // renderer (Xvfb, many branch PCs, remote desktops) it cost the web process about 150 MB and
    // slowed the start (`make bench`: app_memory_mb 554 -> 392). The desk is tables and forms,
    // which WebKit paints well without it. Set before GTK starts, and only if IT has not chosen.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    brokerdesk_lib::run();
}
