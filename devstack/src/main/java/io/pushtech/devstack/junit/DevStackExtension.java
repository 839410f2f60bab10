package io.pushtech.devstack.junit;

import io.pushtech.devstack.DevStack;
import io.pushtech.devstack.DevStackOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves parameters of type {@link DevStack} and {@link TestNamespace} in constructors, tests and lifecycle
 * methods (static {@code @BeforeAll}/{@code @AfterAll} included). The stack is started once per test JVM, on free
 * ports with its data in a temporary directory, and closed and deleted when JUnit closes its root context; the
 * namespace is one per test class.
 */
public final class DevStackExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(DevStackExtension.class);
    private static final String STACK_KEY = "stack";

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == DevStack.class || type == TestNamespace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        ExtensionContext.Store store = extensionContext.getRoot().getStore(NAMESPACE);
        if (type == DevStack.class) {
            return store.getOrComputeIfAbsent(STACK_KEY, key -> SharedStack.start(), SharedStack.class)
                    .stack();
        }
        Class<?> testClass = extensionContext.getRequiredTestClass();
        return store.getOrComputeIfAbsent(
                testClass.getName(), key -> TestNamespace.forTestClass(testClass), TestNamespace.class);
    }

    /** The JVM's one stack and its temporary directory; JUnit closes it with the root context. */
    private record SharedStack(DevStack stack, Path dataDir) implements AutoCloseable {

        static SharedStack start() {
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("pushtech-devstack-");
            } catch (IOException e) {
                throw new ParameterResolutionException("cannot create a data directory for the development stack", e);
            }
            try {
                return new SharedStack(DevStack.start(DevStackOptions.inDirectory(dataDir)), dataDir);
            } catch (RuntimeException e) {
                deleteRecursively(dataDir);
                throw e;
            }
        }

        @Override
        public void close() {
            stack.close();
            deleteRecursively(dataDir);
        }

        private static void deleteRecursively(Path directory) {
            try {
                Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + directory, e);
            }
        }
    }
}
