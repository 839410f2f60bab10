package io.pushtech.devstack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.devstack.DevStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Parameters resolved in every place JUnit allows them: static lifecycle methods, constructors and tests. */
@WithDevStack
class DevStackExtensionIT {

    private static DevStack stackBeforeAll;
    private static TestNamespace namespaceBeforeAll;

    private final DevStack constructorStack;
    private final TestNamespace constructorNamespace;

    DevStackExtensionIT(DevStack stack, TestNamespace namespace) {
        this.constructorStack = stack;
        this.constructorNamespace = namespace;
    }

    @BeforeAll
    static void captureBeforeAll(DevStack stack, TestNamespace namespace) {
        stackBeforeAll = stack;
        namespaceBeforeAll = namespace;
    }

    @AfterAll
    static void stackIsStillRunningAfterAll(DevStack stack) {
        assertThat(stack.kafka().isRunning()).isTrue();
    }

    @Test
    void everyPlaceOfOneTestClassGetsTheSameStackAndNamespace(DevStack stack, TestNamespace namespace) {
        // Then
        assertThat(stack).isSameAs(stackBeforeAll).isSameAs(constructorStack);
        assertThat(namespace).isEqualTo(namespaceBeforeAll).isEqualTo(constructorNamespace);
        assertThat(namespace.value()).startsWith("devstackextensionit-");
    }

    @Nested
    class AnotherTestClass {

        @Test
        void sharesTheStackButNotTheNamespace(DevStack stack, TestNamespace namespace) {
            // Then
            assertThat(stack).isSameAs(stackBeforeAll);
            assertThat(namespace).isNotEqualTo(namespaceBeforeAll);
            assertThat(namespace.value()).startsWith("anothertestclass-");
        }
    }
}
