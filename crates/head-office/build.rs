// The console's built files are embedded at compile time: build again when they change, and
// when they appear after a first build made without them.
fn main() {
    println!("cargo:rerun-if-changed=../../ui/dist-console");
}
