// "Did you mean ...": the names closest to a mistyped command, option or verb.
package dev.ipc.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

public final class Suggestions {
    private Suggestions() {
    }

    /** "; did you mean 'ls'?" (or "'a' or 'b'"), or "" when no candidate is close to word. */
    public static String didYouMean(String word, Collection<String> candidates) {
        List<String> close = closest(word, candidates);
        if (close.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("; did you mean '").append(close.get(0)).append('\'');
        if (close.size() > 1) {
            text.append(" or '").append(close.get(1)).append('\'');
        }
        return text.append('?').toString();
    }

    /**
     * The candidates within a few edits of word (a swap of two neighbours is one edit: sned is send), or of which
     * it is a prefix of 2 or more characters (--orph for --orphans), nearest first, at most two.
     */
    public static List<String> closest(String word, Collection<String> candidates) {
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        List<String> close = new ArrayList<>();
        for (String candidate : candidates) {
            if (!candidate.equals(word) && (distance(word, candidate) <= allowed
                    || (word.replaceFirst("^-+", "").length() >= 2 && candidate.startsWith(word)))) {
                close.add(candidate);
            }
        }
        close.sort(Comparator.comparingInt((String candidate) -> distance(word, candidate))
                .thenComparing(Comparator.naturalOrder()));
        return close.size() > 2 ? close.subList(0, 2) : close;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
