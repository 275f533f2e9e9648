package org.tsunagu.search.control;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped synonym list and the rules for groups admins add. */
class SynonymsTest {

    @Test
    void theShippedListHasAtLeastSixtyGroupsOfRealEquivalents() {
        List<List<String>> groups = Synonyms.bundledGroups();
        assertTrue(groups.size() >= 60, "groups: " + groups.size());
        for (List<String> g : groups) {
            assertTrue(g.size() >= 2, g.toString());
            assertTrue(g.stream().allMatch(t -> t.codePointCount(0, t.length()) >= 2), "no one-character terms: " + g);
        }
        Set<String> required = Set.of("オレンジカフェ", "訪看", "ケアマネ", "歯医者", "クリニック", "往診", "包括", "体操", "薬屋", "もの忘れ");
        Set<String> all = new HashSet<>();
        groups.forEach(all::addAll);
        assertTrue(all.containsAll(required), "the issue's examples are in the list");
        assertTrue(groups.stream().noneMatch(g -> g.contains("病院") && g.contains("クリニック")), "病院 is not a クリニック");
    }

    @Test
    void adminGroupsAreValidatedAndNormalised() {
        assertEquals(List.of("ぽかひろ", "ぽかぽか広場"), Synonyms.validGroup(List.of(" ぽかひろ ", "ぽかぽか広場", "ぽかひろ")));
        assertEquals(List.of("ABC", "エービーシー"), Synonyms.validGroup(List.of("ＡＢＣ", "エービーシー")));
        assertThrows(IllegalArgumentException.class, () -> Synonyms.validGroup(List.of("ひとつ")));
        assertThrows(IllegalArgumentException.class, () -> Synonyms.validGroup(List.of("a,b", "c")));
        assertThrows(IllegalArgumentException.class, () -> Synonyms.validGroup(List.of("a=>b", "c")));
        assertThrows(IllegalArgumentException.class, () -> Synonyms.validGroup(List.of("同じ", "同じ")));
        assertThrows(IllegalArgumentException.class, () -> Synonyms.validGroup(List.of("x".repeat(51), "y")));
        assertThrows(IllegalArgumentException.class, () -> Synonyms.validGroup(null));
    }

    @Test
    void fingerprintsFollowTheContent() {
        assertEquals(Synonyms.of("a,b").fingerprint(), Synonyms.of("a,b").fingerprint());
        assertTrue(!Synonyms.of("a,b").fingerprint().equals(Synonyms.of("a,c").fingerprint()));
    }
}
