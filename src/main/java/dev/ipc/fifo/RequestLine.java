// A view of one request line, "<pid> <verb> [argument]", as bounds into the bytes it was read in: no copy is made.
package dev.ipc.fifo;

/** One instance is reused for every request; {@link #read} classifies the line and fills the bounds. */
final class RequestLine {
    /** What a line is: only WELL_FORMED and NOT_TEXT lines have a pid to answer. */
    enum Form { NO_PID, PID_OUT_OF_RANGE, NOT_TEXT, WELL_FORMED }

    private byte[] bytes;
    private int start;
    private int end;
    private int pid;
    private int verbStart;
    private int verbEnd;
    private int argumentStart;

    /** Reads bytes[start, end), a line without its newline. */
    Form read(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.start = start;
        this.end = end;
        pid = pid(bytes, start, end);
        if (pid == 0) {
            return Form.NO_PID;
        }
        if (pid < 0) {
            return Form.PID_OUT_OF_RANGE;
        }
        verbStart = start + digits(bytes, start, end) + 1;
        verbEnd = verbStart;
        while (verbEnd < end && bytes[verbEnd] != ' ') {
            verbEnd++;
        }
        argumentStart = verbEnd < end ? verbEnd + 1 : end;
        return Utf8.isText(bytes, start, end) ? Form.WELL_FORMED : Form.NOT_TEXT;
    }

    /** The decimal pid before the first space: 0 when there is none, -1 when it is out of range. */
    static int pid(byte[] bytes, int start, int end) {
        int n = digits(bytes, start, end);
        if (n == 0 || start + n >= end || bytes[start + n] != ' ' || bytes[start] == '0') {
            return 0;
        }
        if (n > 7) {
            return -1;
        }
        int pid = 0;
        for (int i = start; i < start + n; i++) {
            pid = pid * 10 + (bytes[i] - '0');
        }
        return pid <= FifoProtocol.MAX_PID ? pid : -1;
    }

    static int digits(byte[] bytes, int start, int end) {
        int i = start;
        while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
            i++;
        }
        return i - start;
    }

    byte[] bytes() {
        return bytes;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    int pid() {
        return pid;
    }

    boolean verbIs(byte[] word) {
        if (verbEnd - verbStart != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (bytes[verbStart + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    int verbStart() {
        return verbStart;
    }

    int verbEnd() {
        return verbEnd;
    }

    boolean hasArgument() {
        return verbEnd < end;
    }

    /** Where the argument starts; end() when there is none. */
    int argumentStart() {
        return argumentStart;
    }
}
