package io.pushtech.devstack.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestNamespaceTest {

    @Test
    void twoTestClassesGetDifferentNamespaces() {
        // When
        TestNamespace first = TestNamespace.forTestClass(TrackerIT.class);
        TestNamespace second = TestNamespace.forTestClass(KafkaStoreIT.class);

        // Then
        assertThat(first).isNotEqualTo(second);
        assertThat(first.value()).matches("trackerit-[a-z0-9]{6}");
        assertThat(second.value()).matches("kafkastoreit-[a-z0-9]{6}");
    }

    @Test
    void sameClassTwiceGetsDifferentNamespaces() {
        // When
        TestNamespace first = TestNamespace.forTestClass(TrackerIT.class);
        TestNamespace second = TestNamespace.forTestClass(TrackerIT.class);

        // Then
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void longClassNameIsShortenedToFortyCharactersOfLowercaseLettersDigitsAndDashes() {
        // When
        TestNamespace namespace =
                TestNamespace.forTestClass(A_Very_Long_Test_Class_Name_That_Goes_On_And_On_For_Quite_A_While_IT.class);

        // Then
        assertThat(namespace.value())
                .hasSizeLessThanOrEqualTo(TestNamespace.MAX_LENGTH)
                .matches("a-very-long-test-class-name-that-[a-z0-9]{6}");
    }

    @Test
    void valueOutsideTheAlphabetIsRejected() {
        // When / Then
        assertThatThrownBy(() -> new TestNamespace("Tracker.IT"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Tracker.IT");
    }

    private static final class TrackerIT {}

    private static final class KafkaStoreIT {}

    private static final class A_Very_Long_Test_Class_Name_That_Goes_On_And_On_For_Quite_A_While_IT {}
}
