//! Where the synchronous PostgreSQL client may run: it drives a runtime of its own.

thread_local! {
    static ON_BLOCKING_THREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` on a thread the caller vouches is not an async worker (one of tokio's blocking
/// threads), so storage calls in it need no thread of their own.
pub fn on_blocking_thread<T>(f: impl FnOnce() -> T) -> T {
    let before = ON_BLOCKING_THREAD.with(|b| b.replace(true));
    let out = f();
    ON_BLOCKING_THREAD.with(|b| b.set(before));
    out
}

/// The synchronous client drives its own runtime, which cannot run on a thread that is already
/// inside one (async tests, the CLI's `main`); there, the work moves to a scoped thread. The API's
/// handlers call storage from blocking threads (`on_blocking_thread`), where it runs in place:
/// a thread per call costs more than the query under load.
pub(crate) fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    if ON_BLOCKING_THREAD.with(std::cell::Cell::get)
        || tokio::runtime::Handle::try_current().is_err()
    {
        return f();
    }
    std::thread::scope(|s| match s.spawn(f).join() {
        Ok(v) => v,
        Err(panic) => std::panic::resume_unwind(panic),
    })
}
