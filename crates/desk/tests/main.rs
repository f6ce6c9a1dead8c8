//! The desk as the app runs it: a real head office on loopback, real encrypted cache files, the
//! real OS keyring (the kernel keyring on Linux), no window. One binary, one module per concern.

mod firm_config;
mod idle_lock;
mod palette;
mod reads;
mod reboot;
mod session;
mod sign_out;
mod support;
mod update;
