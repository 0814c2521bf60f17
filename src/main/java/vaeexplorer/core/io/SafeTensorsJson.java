package vaeexplorer.core.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON a .safetensors header needs: objects (kept in file order, duplicate keys refused), arrays, strings,
 * numbers (whole numbers as {@link Long}, others as {@link Double}), true, false, null. Strict RFC 8259: no NaN, no
 * trailing commas, no comments; nesting is limited so a hostile header cannot exhaust the stack. No JSON library is
 * on the project's classpath, and one is not worth a dependency for this.
 */
final class SafeTensorsJson {
    /** Deeper nesting than a safetensors header ever has (it has 3 levels). */
    static final int MAX_DEPTH = 32;

    /** Malformed JSON; the message says what and at which character. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    private final String s;
    private int pos;

    private SafeTensorsJson(String s) {
        this.s = s;
    }

    /** Parses one JSON value that fills the whole text (white space around it allowed). */
    static Object parse(String text) throws SyntaxException {
        SafeTensorsJson p = new SafeTensorsJson(text);
        p.skipSpace();
        Object v = p.value(0);
        p.skipSpace();
        if (p.pos < text.length()) throw p.error("unexpected text after the end");
        return v;
    }

    private SyntaxException error(String what) {
        return new SyntaxException(what + " at character " + pos);
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            pos++;
        }
    }

    private Object value(int depth) throws SyntaxException {
        if (depth > MAX_DEPTH) throw error("nested more than " + MAX_DEPTH + " levels");
        if (pos >= s.length()) throw error("unexpected end");
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw error("unexpected '" + c + "'");
        }
    }

    private Object literal(String word, Object v) throws SyntaxException {
        if (!s.startsWith(word, pos)) throw error("unexpected '" + s.charAt(pos) + "'");
        pos += word.length();
        return v;
    }

    private Map<String, Object> object(int depth) throws SyntaxException {
        Map<String, Object> m = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == '}') {
            pos++;
            return m;
        }
        while (true) {
            skipSpace();
            if (pos >= s.length() || s.charAt(pos) != '"') throw error("expected a \"key\"");
            int keyAt = pos;
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object v = value(depth + 1);
            if (m.containsKey(key)) {
                pos = keyAt;
                throw error("duplicate key \"" + key + "\"");
            }
            m.put(key, v);
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
                continue;
            }
            expect('}');
            return m;
        }
    }

    private List<Object> array(int depth) throws SyntaxException {
        List<Object> a = new ArrayList<>();
        pos++;
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ']') {
            pos++;
            return a;
        }
        while (true) {
            skipSpace();
            a.add(value(depth + 1));
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
                continue;
            }
            expect(']');
            return a;
        }
    }

    private void expect(char c) throws SyntaxException {
        if (pos >= s.length()) throw error("expected '" + c + "' but the text ends");
        if (s.charAt(pos) != c) throw error("expected '" + c + "' but found '" + s.charAt(pos) + "'");
        pos++;
    }

    private String string() throws SyntaxException {
        pos++; // the opening quote
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= s.length()) throw error("unterminated string");
            char c = s.charAt(pos++);
            if (c == '"') return b.toString();
            if (c < 0x20) {
                pos--;
                throw error("control character in a string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= s.length()) throw error("unterminated string");
            char e = s.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (pos + 4 > s.length()) throw error("short \\u escape");
                    try {
                        b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> {
                    pos--;
                    throw error("bad escape \\" + e);
                }
            }
        }
    }

    private Object number() throws SyntaxException {
        int start = pos;
        if (s.charAt(pos) == '-') pos++;
        int digits = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
        if (pos == digits) throw error("a number needs digits");
        if (s.charAt(digits) == '0' && pos - digits > 1) throw error("a number may not start with 0");
        boolean whole = true;
        if (pos < s.length() && s.charAt(pos) == '.') {
            whole = false;
            pos++;
            int f = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            if (pos == f) throw error("a number needs digits after '.'");
        }
        if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            whole = false;
            pos++;
            if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) pos++;
            int f = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            if (pos == f) throw error("a number needs digits in its exponent");
        }
        String t = s.substring(start, pos);
        if (whole) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                pos = start;
                throw error("number " + t + " is too large");
            }
        }
        return Double.parseDouble(t);
    }

    /** JSON text of a string, with quotes and escapes. */
    static String quote(String v) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
