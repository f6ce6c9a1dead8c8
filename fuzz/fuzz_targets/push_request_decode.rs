//! A push request as head office receives it from a desk (`POST /api/v1/push`), and the response
//! as the desk receives it back: any bytes must decode or fail cleanly, and what decodes must
//! survive a round trip through JSON unchanged.

#![no_main]

use libfuzzer_sys::fuzz_target;
use protocol::{PushRequest, PushResponse};

fuzz_target!(|data: &[u8]| {
    if let Ok(request) = serde_json::from_slice::<PushRequest>(data) {
        for mutation in &request.mutations {
            // What a refusal names the mutation by.
            let _ = mutation.op.label_zh();
        }
        let text = serde_json::to_vec(&request).expect("a decoded request encodes");
        let again: PushRequest = serde_json::from_slice(&text).expect("an encoded request decodes");
        assert_eq!(request.mutations, again.mutations);
        assert_eq!(
            text,
            serde_json::to_vec(&again).expect("a decoded request encodes")
        );
    }
    if let Ok(response) = serde_json::from_slice::<PushResponse>(data) {
        let text = serde_json::to_vec(&response).expect("a decoded response encodes");
        let again: PushResponse =
            serde_json::from_slice(&text).expect("an encoded response decodes");
        assert_eq!(response.results, again.results);
        assert_eq!(
            text,
            serde_json::to_vec(&again).expect("a decoded response encodes")
        );
    }
});
