// HelpLayout cuts prose into words by hand: the same words as the regular expression it stands for.
package dev.ipc.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HelpLayoutWordsTest {
    @Test
    void words_are_what_split_on_runs_of_blanks_gives_without_empty_ones() {
        for (String text : List.of("", " ", "   ", "one", " one", "one ", "  one  two   three ",
                "ipc ls -g   what it shows", "a\tb c", "x  y")) {
            List<String> expected = new ArrayList<>();
            for (String word : text.split(" +")) {
                if (!word.isEmpty()) {
                    expected.add(word);
                }
            }
            assertEquals(expected, HelpLayout.words(text), "'" + text + "'");
        }
    }
}
