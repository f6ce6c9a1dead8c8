//! The `choices!` macro: enums whose variants travel as short codes and read as Chinese labels.

/// A closed list of choices, each with its code (what is stored and sent, serde's name) and its
/// label (what the broker reads).
macro_rules! choices {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, schemars::JsonSchema)]
        #[ts(export)]
        pub enum $name {
            $(#[doc = $label] #[serde(rename = $code)] $variant,)+
        }

        impl $name {
            /// Every choice, in the order the form lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            pub fn label_zh(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            pub fn parse(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|c| c.code() == code)
            }
        }
    };
}
