//! librdkafka client properties (`kafka.consumer`, `kafka.producer`): their names as operators can
//! write them, checked against the librdkafka this binary links, and which of them are secrets.
//!
//! - Environment: `TIDINGS__KAFKA__CONSUMER__<NAME>` / `TIDINGS__KAFKA__PRODUCER__<NAME>` set any
//!   property, value taken verbatim (a password never has to live in a file). Shells cannot put dots
//!   in variable names, so `_` stands for `.`: `..._SASL_PASSWORD` is `sasl.password` (a name that is
//!   itself a property, such as `log_level`, is kept).
//! - Validation: each property is set on a fresh librdkafka configuration at start-up, so an unknown
//!   name, a bad value or a feature this build lacks (e.g. `security.protocol = SSL` without OpenSSL)
//!   is a start-up error (exit 2), not a runtime surprise. Then each section is tried as a whole on
//!   a client that connects nowhere ([`check_client`]), which catches what only client creation
//!   checks (a SASL mechanism this build lacks).

use std::collections::BTreeMap;

use rdkafka::config::ClientConfig;
use rdkafka::consumer::BaseConsumer;
use rdkafka::error::KafkaError;
use rdkafka::producer::BaseProducer;
use rdkafka::types::RDKafkaConfRes;

/// Environment prefixes of the two property maps, after `TIDINGS__`.
pub const ENV_SECTIONS: [(&str, &str); 2] = [
    ("KAFKA__CONSUMER__", "consumer"),
    ("KAFKA__PRODUCER__", "producer"),
];

/// Checks one property against librdkafka: Err with librdkafka's reason (values of secrets blanked).
pub fn check(name: &str, value: &str) -> Result<(), String> {
    match ClientConfig::new().set(name, value).create_native_config() {
        Ok(_) => Ok(()),
        Err(KafkaError::ClientConfig(_, description, _, _)) => Err(blank(description, name, value)),
        Err(e) => Err(blank(e.to_string(), name, value)),
    }
}

/// Checks a section's properties together the way librdkafka does when it creates a client: some
/// limits of this build only show there (e.g. `sasl.mechanisms = GSSAPI`: Kerberos is not built in).
/// The client gets no `bootstrap.servers`, so it connects nowhere and is dropped at once.
pub fn check_client(section: &str, props: &BTreeMap<String, String>) -> Result<(), String> {
    let mut c = ClientConfig::new();
    for (k, v) in props
        .iter()
        .filter(|(k, _)| k.as_str() != "bootstrap.servers")
    {
        c.set(k, v);
    }
    c.set("log_level", "0");
    let created = if section == "consumer" {
        c.set("group.id", "tidings-check-config");
        c.create::<BaseConsumer>().map(drop)
    } else {
        c.create::<BaseProducer>().map(drop)
    };
    created.map_err(|e| props.iter().fold(e.to_string(), |m, (k, v)| blank(m, k, v)))
}

fn blank(message: String, name: &str, value: &str) -> String {
    if is_secret(name) && !value.is_empty() {
        message.replace(value, REDACTED)
    } else {
        message
    }
}

fn known(name: &str) -> bool {
    !matches!(
        ClientConfig::new().set(name, "").create_native_config(),
        Err(KafkaError::ClientConfig(
            RDKafkaConfRes::RD_KAFKA_CONF_UNKNOWN,
            ..
        ))
    )
}

/// The librdkafka name for `name` as written: as is when librdkafka knows it, else with `_` read as
/// `.` when that is a property; otherwise unchanged (and [`check`] reports it).
pub fn normalise(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if known(&lower) {
        return lower;
    }
    let dotted = lower.replace('_', ".");
    if known(&dotted) {
        dotted
    } else {
        name.to_string()
    }
}

/// Properties from `TIDINGS__KAFKA__{CONSUMER,PRODUCER}__*` variables, per section, names normalised.
pub fn from_env(
    vars: impl IntoIterator<Item = (String, String)>,
) -> BTreeMap<&'static str, BTreeMap<String, String>> {
    let mut out: BTreeMap<&'static str, BTreeMap<String, String>> = BTreeMap::new();
    for (key, value) in vars {
        let Some(rest) = key.strip_prefix("TIDINGS__") else {
            continue;
        };
        for (prefix, section) in ENV_SECTIONS {
            if let Some(name) = strip_prefix_ignore_case(rest, prefix) {
                out.entry(section)
                    .or_default()
                    .insert(normalise(name), value.clone());
            }
        }
    }
    out
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
        .filter(|rest| !rest.is_empty())
}

pub const REDACTED: &str = "[redacted]";

/// Whether a property (or any config key) holds a secret: passwords, private keys, client secrets,
/// tokens, and the OAUTHBEARER config string (which can carry a secret).
pub fn is_secret(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.contains("password")
        || n.contains("secret")
        || n.contains("token")
        || n.ends_with(".key")
        || n.ends_with("key.pem")
        || n == "sasl.oauthbearer.config"
        || n == "sasl.jaas.config"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_shells_map_to_librdkafka_names() {
        assert_eq!(normalise("SASL_PASSWORD"), "sasl.password");
        assert_eq!(normalise("sasl.password"), "sasl.password");
        assert_eq!(normalise("message_max_bytes"), "message.max.bytes");
        assert_eq!(
            normalise("log_level"),
            "log_level",
            "a property with an underscore"
        );
        assert_eq!(normalise("no_such_thing"), "no_such_thing");
    }

    #[test]
    fn unknown_names_and_bad_values_are_refused_and_secrets_not_echoed() {
        assert!(check("sasl.password", "s3cret").is_ok());
        assert!(check("no_such_thing", "1")
            .unwrap_err()
            .contains("no_such_thing"));
        assert!(check("message.max.bytes", "lots").is_err());
        let e = check("security.protocol", "nope").unwrap_err();
        assert!(e.contains("nope"), "{e}");
        let e = check("ssl.key.password", "hunter2").map_or_else(|e| e, |_| String::new());
        assert!(!e.contains("hunter2"), "{e}");
    }

    #[test]
    fn env_variables_fill_both_sections() {
        let vars = [
            ("TIDINGS__KAFKA__CONSUMER__SASL_PASSWORD", "a=b;c"),
            ("TIDINGS__KAFKA__PRODUCER__sasl.username", "me"),
            ("TIDINGS__KAFKA__BROKERS", "elsewhere"),
            ("OTHER", "x"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()));
        let got = from_env(vars);
        assert_eq!(got["consumer"]["sasl.password"], "a=b;c");
        assert_eq!(got["producer"]["sasl.username"], "me");
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn secrets_are_recognised() {
        for s in [
            "sasl.password",
            "ssl.key.password",
            "ssl.key.pem",
            "sasl.oauthbearer.client.secret",
        ] {
            assert!(is_secret(s), "{s}");
        }
        for s in ["sasl.username", "ssl.key.location", "bootstrap.servers"] {
            assert!(!is_secret(s), "{s}");
        }
    }
}
