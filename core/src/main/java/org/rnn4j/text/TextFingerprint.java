package org.rnn4j.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What tells one text from another: its size in UTF-8 bytes and the SHA-256 of those bytes. {@code source}
 * says where it was read, a hint for people; two fingerprints match when size and hash do, wherever the texts lie.
 */
public record TextFingerprint(String source, long bytes, String sha256) {

    private static final int CHUNK = 1 << 16; // characters encoded at a time: hashing never copies the whole text

    public TextFingerprint {
        if (source == null || sha256 == null || bytes < 0) {
            throw new IllegalArgumentException("a text fingerprint needs a source, a size ≥ 0 and a hash");
        }
    }

    /** The fingerprint of {@code text}, read from {@code source}. */
    public static TextFingerprint of(String text, String source) {
        MessageDigest digest = newSha256();
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK * 4);
        long size = 0;
        for (int start = 0; start < text.length(); ) {
            int end = Math.min(text.length(), start + CHUNK);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // keep a surrogate pair in one chunk
            }
            bytes.clear();
            if (encoder.reset().encode(CharBuffer.wrap(text, start, end), bytes, true).isError()) {
                throw new IllegalArgumentException("the text has a lone surrogate near character " + end + ", which is no Unicode");
            }
            encoder.flush(bytes);
            bytes.flip();
            size += bytes.remaining();
            digest.update(bytes);
            start = end;
        }
        return new TextFingerprint(source, size, HexFormat.of().formatHex(digest.digest()));
    }

    /** True when both fingerprints are of the same text (same size and hash). */
    public boolean sameText(TextFingerprint other) {
        return bytes == other.bytes && sha256.equals(other.sha256);
    }

    /** Size and the hash's first 12 digits, for messages: "1,115,394 bytes, sha256 86c4e6aa9db7…". */
    public String describe() {
        return String.format(Locale.ROOT, "%,d bytes, sha256 %s…", bytes, sha256.substring(0, 12));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", source);
        json.put("bytes", bytes);
        json.put("sha256", sha256);
        return json;
    }

    /** Reads {@link #toJson()}'s form; throws {@link IllegalArgumentException} naming the bad key. */
    public static TextFingerprint fromJson(Map<String, Object> json) {
        if (!(json.get("source") instanceof String source)) {
            throw new IllegalArgumentException("text \"source\" is missing or not a string");
        }
        if (!(json.get("bytes") instanceof Number bytes)) {
            throw new IllegalArgumentException("text \"bytes\" is missing or not a number");
        }
        if (!(json.get("sha256") instanceof String sha256) || sha256.length() != 64) {
            throw new IllegalArgumentException("text \"sha256\" is missing or not 64 hex digits");
        }
        return new TextFingerprint(source, bytes.longValue(), sha256);
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
