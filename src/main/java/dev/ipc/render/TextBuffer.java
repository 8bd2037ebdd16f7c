// A growing text buffer with the printf conversions ipcs uses, without String.format's parsing per call.
package dev.ipc.render;

import java.nio.charset.StandardCharsets;

public final class TextBuffer {
    private final StringBuilder buffer;

    public TextBuffer() {
        this(256);
    }

    public TextBuffer(int capacity) {
        buffer = new StringBuilder(capacity);
    }

    public TextBuffer append(String s) {
        buffer.append(s);
        return this;
    }

    public TextBuffer append(char c) {
        buffer.append(c);
        return this;
    }

    public TextBuffer append(long value) {
        buffer.append(value);
        return this;
    }

    public TextBuffer newline() {
        buffer.append('\n');
        return this;
    }

    /** %-Ns */
    public TextBuffer left(String s, int width) {
        buffer.append(s);
        spaces(width - s.length());
        return this;
    }

    /** %-N.Ns: cut to width, then padded to it. */
    public TextBuffer leftCut(String s, int width) {
        return left(s.length() > width ? s.substring(0, width) : s, width);
    }

    /** %Ns */
    public TextBuffer right(String s, int width) {
        spaces(width - s.length());
        buffer.append(s);
        return this;
    }

    /** %-Nd (and %-Nu of a value already made non-negative). */
    public TextBuffer left(long value, int width) {
        int start = buffer.length();
        buffer.append(value);
        spaces(width - (buffer.length() - start));
        return this;
    }

    /** %Nd */
    public TextBuffer right(long value, int width) {
        return right(Long.toString(value), width);
    }

    /** %-Nju of an unsigned 64-bit value. */
    public TextBuffer leftUnsigned(long value, int width) {
        return value >= 0 ? left(value, width) : left(Long.toUnsignedString(value), width);
    }

    /** %-No */
    public TextBuffer leftOctal(int value, int width) {
        return left(Integer.toOctalString(value), width);
    }

    /** %#o: octal with a leading 0, and plain 0 for zero. */
    public TextBuffer alternateOctal(int value) {
        buffer.append(value == 0 ? "0" : "0" + Integer.toOctalString(value));
        return this;
    }

    /** 0x%08x */
    public TextBuffer hexKey(int key) {
        buffer.append(formatKey(key));
        return this;
    }

    private static final byte[] HEX_DIGITS = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd',
            'e', 'f'};

    /** A key as 0x%08x: ten bytes filled in place, run tens of thousands of times in a listing. */
    public static String formatKey(int key) {
        byte[] text = new byte[10];
        formatKey(key, text);
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** 0x%08x as ASCII into the first ten bytes of into. */
    public static void formatKey(int key, byte[] into) {
        into[0] = '0';
        into[1] = 'x';
        for (int i = 9, rest = key; i >= 2; i--, rest >>>= 4) {
            into[i] = HEX_DIGITS[rest & 0xf];
        }
    }

    public TextBuffer spaces(int count) {
        for (int i = 0; i < count; i++) {
            buffer.append(' ');
        }
        return this;
    }

    /** Drops spaces at the end of what was appended since start. */
    public TextBuffer trimTrailingSpaces(int start) {
        int end = buffer.length();
        while (end > start && buffer.charAt(end - 1) == ' ') {
            end--;
        }
        buffer.setLength(end);
        return this;
    }

    public int length() {
        return buffer.length();
    }

    @Override
    public String toString() {
        return buffer.toString();
    }
}
