//! Reading a consumed message's headers without trusting their names.
//!
//! Kafka header names are bytes on the wire; rdkafka's `Headers::get`/`try_get` turn them into `&str`
//! with `to_str().unwrap()` and so panic on a name that is not UTF-8 — one such record killed the
//! daemon on every restart. Here the names are read through librdkafka's C accessor as bytes: a
//! UTF-8 name is kept, any other header is dropped and counted (the producer side only takes `&str`
//! names, so it could not be written back as it came).

use std::ffi::CStr;

use rdkafka::bindings as rdsys;
use rdkafka::message::BorrowedMessage;
use rdkafka::types::RDKafkaRespErr;

/// The headers worth forwarding, and how many were dropped because their name was not UTF-8.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ReadHeaders {
    pub kept: Vec<(String, Vec<u8>)>,
    pub dropped: usize,
}

/// Every header of `message`, in order.
pub fn read(message: &BorrowedMessage<'_>) -> ReadHeaders {
    let mut out = ReadHeaders::default();
    let mut hdrs: *mut rdsys::rd_kafka_headers_t = std::ptr::null_mut();
    // SAFETY: `message.ptr()` is a live rd_kafka_message_t for as long as `message` is borrowed; the
    // headers it returns are owned by the message (not freed here) and read before the borrow ends.
    let err = unsafe { rdsys::rd_kafka_message_headers(message.ptr(), &mut hdrs) };
    if err != RDKafkaRespErr::RD_KAFKA_RESP_ERR_NO_ERROR || hdrs.is_null() {
        // NOENT: the message has no headers.
        return out;
    }
    let mut idx = 0;
    loop {
        let mut name: *const std::os::raw::c_char = std::ptr::null();
        let mut value: *const std::os::raw::c_void = std::ptr::null();
        let mut size = 0usize;
        // SAFETY: `hdrs` is valid (above); librdkafka returns NOENT past the last index.
        let err =
            unsafe { rdsys::rd_kafka_header_get_all(hdrs, idx, &mut name, &mut value, &mut size) };
        if err != RDKafkaRespErr::RD_KAFKA_RESP_ERR_NO_ERROR {
            break;
        }
        idx += 1;
        if name.is_null() {
            out.dropped += 1;
            continue;
        }
        // SAFETY: librdkafka stores header names NUL-terminated; value is `size` bytes or null (a
        // null-valued header, forwarded as empty as before).
        let (name, value) = unsafe {
            let name = CStr::from_ptr(name).to_bytes();
            let value = if value.is_null() {
                &[][..]
            } else {
                std::slice::from_raw_parts(value.cast::<u8>(), size)
            };
            (name, value)
        };
        match std::str::from_utf8(name) {
            Ok(name) => out.kept.push((name.to_string(), value.to_vec())),
            Err(_) => out.dropped += 1,
        }
    }
    out
}
