// A mode's permission bits as ls and lsipc print them: rw-r--r--.
package dev.ipc.render;

public final class Permissions {
    private Permissions() {
    }

    /** Each of the 512 answers made once: a listing asks for the same few modes thousands of times. */
    private static final String[] SYMBOLIC = new String[512];

    public static String symbolic(int mode) {
        int bits = mode & 0777;
        String known = SYMBOLIC[bits];
        if (known == null) { // threads that race here make equal strings
            char[] s = new char[9];
            String letters = "rwxrwxrwx";
            for (int i = 0; i < 9; i++) {
                s[i] = (bits & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-';
            }
            known = new String(s);
            SYMBOLIC[bits] = known;
        }
        return known;
    }

    /** printf's %#o of the permission bits, as lsipc -P prints them: 0644, and 0 for none. */
    public static String octal(int mode) {
        int bits = mode & 0777;
        return bits == 0 ? "0" : "0" + Integer.toOctalString(bits);
    }
}
