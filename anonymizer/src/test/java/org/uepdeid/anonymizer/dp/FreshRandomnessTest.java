package org.uepdeid.anonymizer.dp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fresh randomness for every release: the public API offers no way to hand a sampler a generator or a seed, and two
 * samplers made from the same parameters draw independently. The production path's speed is printed here.
 */
class FreshRandomnessTest {

    @Test
    void noPublicMethodOrConstructorTakesARandomSourceOrSeed() throws IOException, URISyntaxException {
        List<String> offenders = new ArrayList<>();
        for (Class<?> type : packageClasses()) {
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            List<Executable> members = new ArrayList<>(Arrays.asList(type.getDeclaredConstructors()));
            members.addAll(Arrays.asList(type.getDeclaredMethods()));
            for (Executable member : members) {
                if (!Modifier.isPublic(member.getModifiers())) {
                    continue;
                }
                for (Class<?> parameter : member.getParameterTypes()) {
                    if (Random.class.isAssignableFrom(parameter) || RandomGenerator.class.isAssignableFrom(parameter)
                            || parameter == RandomIntegers.class || parameter == byte[].class) {
                        offenders.add(type.getSimpleName() + "." + member.getName());
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
        assertThat(Modifier.isPublic(RandomIntegers.class.getModifiers())).isFalse();
    }

    @Test
    void theOnlyRandomnessFactoryOutsideTestsIsAFreshSecureRandom() throws NoSuchMethodException {
        Method fresh = RandomIntegers.class.getDeclaredMethod("fresh");
        assertThat(fresh.getParameterCount()).isZero();
        assertThat(Arrays.stream(RandomIntegers.class.getDeclaredConstructors()).map(Constructor::getParameterTypes)
                .map(Arrays::asList)).containsExactly(List.of(java.security.SecureRandom.class));
    }

    @Test
    void samplersOfTheSameParametersDrawIndependently() {
        for (NoiseDistribution noise : List.of(new DiscreteGaussian(Rational.of(7, 3)),
                new DiscreteLaplace(Rational.of(5, 2)))) {
            long[] first = draws(noise.newSampler(), 200);
            long[] second = draws(noise.newSampler(), 200);
            // Two independent runs of 200 draws agree everywhere with probability below 0.3^200.
            assertThat(first).as("%s", noise).isNotEqualTo(second);
        }
    }

    @Test
    void productionSamplersSpeed() {
        for (NoiseDistribution noise : List.of(new DiscreteGaussian(Rational.of(2500)),
                new DiscreteGaussian(Rational.of(576_000_000)), new DiscreteLaplace(Rational.of(50)))) {
            NoiseSampler sampler = noise.newSampler();
            int n = 200_000;
            long start = System.nanoTime();
            long checksum = 0;
            for (int i = 0; i < n; i++) {
                checksum += sampler.sample();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s on new SecureRandom(): %,.0f draws/s (machine shared; mean %.2f)%n", noise,
                    n / seconds, (double) checksum / n);
        }
    }

    private static long[] draws(NoiseSampler sampler, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = sampler.sample();
        }
        return out;
    }

    private static List<Class<?>> packageClasses() throws IOException, URISyntaxException {
        Path root = Path.of(DiscreteGaussian.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path folder = root.resolve(DiscreteGaussian.class.getPackageName().replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                try {
                    classes.add(Class.forName(DiscreteGaussian.class.getPackageName() + "." + name));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(classes).hasSizeGreaterThan(10);
        return classes;
    }
}
