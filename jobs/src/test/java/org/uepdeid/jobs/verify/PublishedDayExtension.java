package org.uepdeid.jobs.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.uepdeid.jobs.testing.SparkTestSession;

/**
 * Resolves a {@link PublishedDay} parameter with one release per test run, shared by the test classes that ask for
 * it: generating and anonymizing a day is the slow part of these tests, and none of them changes the original.
 * JUnit's root store owns it and closes it, deleting its folder, when the run ends.
 */
final class PublishedDayExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PublishedDayExtension.class);
    private static final int DEVICES = 300;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PublishedDay.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(PublishedDay.class, type -> {
            try {
                return PublishedDay.release(SparkTestSession.get(), Files.createTempDirectory("uep-verify-"),
                        DEVICES);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, PublishedDay.class);
    }
}
