package io.pushtech.storage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class KeywordsTest {

    @Test
    void foldsCaseAccentsAndPlurals() {
        // When
        Set<String> terms = Keywords.terms("Réd BIKES, Vélos & boxes; cities Straße");

        // Then
        assertThat(terms).containsExactly("red", "bike", "velo", "box", "city", "strasse");
    }

    @Test
    void keepsWordsThatOnlyLookPlural() {
        // When
        Set<String> terms = Keywords.terms("glass bus is gas");

        // Then
        assertThat(terms).containsExactly("glass", "bus", "is", "gas");
    }

    @Test
    void sameTermsForSingularAndPlural() {
        // When
        Set<String> plural = Keywords.terms("Red Bikes");

        // Then
        assertThat(plural).isEqualTo(Keywords.terms("red bike"));
    }
}
