package org.uepdeid.anonymizer.dp;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An exact rational number in lowest terms with a positive denominator: the noise parameters (σ², t) and the budget
 * arithmetic whose rounding must go one known way. Canonne, Kamath and Steinke (2020) sample exactly only for
 * rational parameters; this is that rational.
 *
 * @param numerator   any integer
 * @param denominator positive, coprime with the numerator
 */
public record Rational(BigInteger numerator, BigInteger denominator) implements Comparable<Rational>, Serializable {

    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);

    /** Enough digits that a quotient's double is within one ulp before the exact fix-up below. */
    private static final MathContext DIVISION = new MathContext(40, RoundingMode.HALF_EVEN);

    public Rational {
        if (numerator == null || denominator == null) {
            throw new IllegalArgumentException("rational: numerator and denominator are required");
        }
        if (denominator.signum() == 0) {
            throw new IllegalArgumentException("rational " + numerator + "/0: the denominator must not be zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    public static Rational of(long numerator, long denominator) {
        return new Rational(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public static Rational of(long integer) {
        return of(integer, 1);
    }

    /** The exact value of a finite double (every finite double is a dyadic rational). */
    public static Rational of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("rational: " + value + " is not a finite number");
        }
        return of(new BigDecimal(value));
    }

    private static Rational of(BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        int scale = value.scale();
        return scale >= 0 ? new Rational(unscaled, BigInteger.TEN.pow(scale))
                : new Rational(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
    }

    public int signum() {
        return numerator.signum();
    }

    public Rational add(Rational other) {
        return new Rational(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Rational subtract(Rational other) {
        return new Rational(numerator.multiply(other.denominator).subtract(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Rational multiply(Rational other) {
        return new Rational(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    public Rational divide(Rational other) {
        if (other.signum() == 0) {
            throw new ArithmeticException("rational: division of " + this + " by zero");
        }
        return new Rational(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    /** The largest integer at most this value. */
    public BigInteger floor() {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /**
     * The smallest rational at least this value with at most {@code digits} significant decimal digits: a noise
     * parameter rounded up onto a short grid, so that the exact sampler's integers stay small. The relative increase
     * is below 10^(1−digits).
     */
    public Rational roundUpToSignificantDigits(int digits) {
        if (signum() <= 0) {
            throw new IllegalArgumentException("rational: only positive values are rounded onto a grid, got " + this);
        }
        BigDecimal up = new BigDecimal(numerator).divide(new BigDecimal(denominator),
                new MathContext(digits, RoundingMode.CEILING));
        return of(up);
    }

    /** The nearest double (within an ulp). */
    public double toDouble() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), DIVISION).doubleValue();
    }

    /** A double at most this value, within an ulp of it: for figures that must not overstate what is left. */
    public double toDoubleFloor() {
        double d = toDouble();
        return of(d).compareTo(this) > 0 ? Math.nextDown(d) : d;
    }

    /** A double at least this value, within an ulp of it: for privacy spent, which must never be understated. */
    public double toDoubleCeiling() {
        double d = toDouble();
        return of(d).compareTo(this) < 0 ? Math.nextUp(d) : d;
    }

    @Override
    public int compareTo(Rational other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}
