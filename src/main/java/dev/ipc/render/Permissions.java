// A mode's permission bits as ls and lsipc print them: rw-r--r--.
package dev.ipc.render;

public final class Permissions {
    private Permissions() {
    }

    public static String symbolic(int mode) {
        char[] s = new char[9];
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            s[i] = (mode & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-';
        }
        return new String(s);
    }

    public static String octal(int mode) {
        return Integer.toOctalString(mode & 0777);
    }
}
