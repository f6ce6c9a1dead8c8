//! The channels that need no outside system: the demo's [`SimulatedChannel`], and
//! [`UnconfiguredChannel`] for a firm that has not configured one yet.

use chrono::{DateTime, Duration, Utc};
use protocol::DeliveryStatus;

use head_office_storage::delivery::{ChannelEvent, ChannelMessage, ChannelReport, DeliveryChannel};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A channel whose every message follows a timeline drawn from the message's own id, in steps of
/// `pace`: sent after one step, delivered after two to five, read by most, answered by some.
pub struct SimulatedChannel {
    pub pace: Duration,
}

impl Default for SimulatedChannel {
    fn default() -> Self {
        SimulatedChannel {
            pace: Duration::seconds(1),
        }
    }
}

const REPLIES: [&str; 6] = [
    "收到，谢谢",
    "晚点细看",
    "这个风险大吗？",
    "方便时电话聊聊",
    "已阅，暂不考虑",
    "可以，周末去营业部详谈",
];

/// FNV-1a: a stable seed from an id, the same on every machine and run.
fn seed_of(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl SimulatedChannel {
    /// The whole story of one message, whenever it happens.
    fn timeline(&self, message: &ChannelMessage) -> Vec<ChannelEvent> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed_of(&message.delivery_id));
        let step = |n: i64| message.handed_over_at + self.pace * (n as i32);
        let event = |status, at| ChannelEvent {
            status,
            at,
            reply: None,
            reason: None,
        };
        let mut events = vec![event(DeliveryStatus::Sent, step(1))];
        if rng.gen_range(0..100) < 4 {
            events.push(ChannelEvent {
                reason: Some("短信网关回执：号码停机或无法接通".into()),
                ..event(DeliveryStatus::Failed, step(2))
            });
            return events;
        }
        let delivered = rng.gen_range(2..=5);
        events.push(event(DeliveryStatus::Delivered, step(delivered)));
        if rng.gen_range(0..100) < 70 {
            let read = delivered + rng.gen_range(3..=30);
            events.push(event(DeliveryStatus::Read, step(read)));
            if rng.gen_range(0..100) < 30 {
                let replied = read + rng.gen_range(5..=60);
                events.push(ChannelEvent {
                    reply: Some(REPLIES[rng.gen_range(0..REPLIES.len())].into()),
                    ..event(DeliveryStatus::Replied, step(replied))
                });
            }
        }
        events
    }
}

impl DeliveryChannel for SimulatedChannel {
    fn report(&self, message: &ChannelMessage, now: DateTime<Utc>) -> ChannelReport {
        let all = self.timeline(message);
        let settled = all.last().is_none_or(|e| e.at <= now);
        ChannelReport {
            events: all.into_iter().filter(|e| e.at <= now).collect(),
            settled,
        }
    }
}

/// No channel: every message fails at once with the reason, so a broker never waits for a
/// delivery that cannot happen and never reads a state nobody reported.
pub struct UnconfiguredChannel;

/// What a broker reads on a push that had no channel to go through.
pub const NO_CHANNEL_REASON: &str =
    "总部尚未接入推送渠道（短信/邮件网关），未能发送：请联系总部信息技术部";

impl DeliveryChannel for UnconfiguredChannel {
    fn report(&self, message: &ChannelMessage, _now: DateTime<Utc>) -> ChannelReport {
        if message.status != DeliveryStatus::Queued {
            // Handed to a gateway that has since been taken away: it was sent, and its
            // receipts may still come once a gateway is configured again.
            return ChannelReport {
                events: vec![],
                settled: false,
            };
        }
        ChannelReport {
            events: vec![ChannelEvent {
                status: DeliveryStatus::Failed,
                at: message.handed_over_at,
                reply: None,
                reason: Some(NO_CHANNEL_REASON.into()),
            }],
            settled: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(i: usize) -> ChannelMessage {
        ChannelMessage {
            delivery_id: format!("P-{i}/C{i:07}"),
            client_id: format!("C{i:07}"),
            handed_over_at: DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default(),
            status: DeliveryStatus::Queued,
        }
    }

    #[test]
    fn the_same_message_tells_the_same_story_and_in_order() {
        let channel = SimulatedChannel::default();
        let m = message(7);
        let later = m.handed_over_at + Duration::hours(1);
        assert_eq!(channel.report(&m, later), channel.report(&m, later));
        let story = channel.report(&m, later);
        assert!(story.settled);
        assert_eq!(story.events[0].status, DeliveryStatus::Sent);
        assert!(story.events.windows(2).all(|w| w[0].at < w[1].at));
        assert!(channel.report(&m, m.handed_over_at).events.is_empty());
    }

    #[test]
    fn without_a_channel_nothing_is_claimed_but_the_failure() {
        let m = message(3);
        let report = UnconfiguredChannel.report(&m, m.handed_over_at + Duration::hours(1));
        assert!(report.settled);
        assert_eq!(report.events.len(), 1);
        assert_eq!(report.events[0].status, DeliveryStatus::Failed);
        assert_eq!(report.events[0].reason.as_deref(), Some(NO_CHANNEL_REASON));
        let sent = ChannelMessage {
            status: DeliveryStatus::Sent,
            ..m
        };
        let report = UnconfiguredChannel.report(&sent, sent.handed_over_at);
        assert!(report.events.is_empty() && !report.settled, "{report:?}");
    }

    #[test]
    fn most_messages_arrive_some_are_read_few_fail() {
        let channel = SimulatedChannel::default();
        let finals: Vec<DeliveryStatus> = (0..1_000)
            .map(|i| {
                let m = message(i);
                let report = channel.report(&m, m.handed_over_at + Duration::hours(1));
                report
                    .events
                    .last()
                    .map(|e| e.status)
                    .unwrap_or(DeliveryStatus::Queued)
            })
            .collect();
        let count = |s| finals.iter().filter(|f| **f == s).count();
        assert!((10..=80).contains(&count(DeliveryStatus::Failed)));
        assert!(count(DeliveryStatus::Read) > 300);
        assert!(count(DeliveryStatus::Replied) > 100);
        assert_eq!(count(DeliveryStatus::Queued), 0);
    }
}
