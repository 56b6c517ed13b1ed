package org.safepassage.evidence.domain;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A figure exactly as a source wrote it ("over 500", "600", "dozens of families") with
 * the bounds it states. {@code low} is null when the text could not be read: such a
 * figure is kept and flagged for a researcher, never guessed. {@code high} is null when
 * the source gives no upper bound.
 */
public record ReportedFigure(String text, Long low, Long high, Coding coding) {

	/** Where the bounds came from. */
	public enum Coding {

		PARSED, MANUAL, UNREADABLE

	}

	public static final long MAX = 1_000_000_000L;

	public ReportedFigure {
		if (low != null && high != null && high < low) {
			throw new IllegalArgumentException("high below low: " + text);
		}
	}

	public boolean readable() {
		return low != null;
	}

	/** Coded by a researcher where the text cannot be read automatically. */
	public static ReportedFigure coded(String text, long low, Long high) {
		return new ReportedFigure(text, low, high, Coding.MANUAL);
	}

	/**
	 * The figure as written, read automatically unless a researcher coded its bounds
	 * ({@code low} given).
	 */
	public static ReportedFigure of(String text, Long low, Long high) {
		return low == null ? parse(text.strip()) : coded(text.strip(), low, high);
	}

	static ReportedFigure unreadable(String text) {
		return new ReportedFigure(text, null, null, Coding.UNREADABLE);
	}

	/**
	 * Vague words, coded as the smallest number they can mean and giving no upper bound.
	 */
	private static final Map<String, Long> VAGUE = Map.of("dozens", 12L, "hundreds", 100L, "thousands", 1_000L,
			"tens of thousands", 10_000L, "hundreds of thousands", 100_000L);

	private static final String NUMBER = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:\\s+(?:thousand|million))?";

	private static final String VAGUE_WORDS = "hundreds of thousands|tens of thousands|dozens|hundreds|thousands|a dozen";

	private static final String QUANTITY = "(" + NUMBER + "|" + VAGUE_WORDS + ")";

	private static final String AT_LEAST = "(?:over|more than|at least|upwards of|in excess of|no fewer than|no less than|not less than|above)";

	private static final String ABOUT = "(?:about|around|approximately|roughly|some|an estimated|estimated|c\\.|ca\\.)";

	/**
	 * Anything after the quantity must be words ("people", "of families"), never another
	 * number.
	 */
	private static final String TRAILING = "(?:[\\s,;:(]+([^\\d]*))?";

	private static final Pattern LOWER_BOUND = Pattern.compile(AT_LEAST + "\\s+" + QUANTITY + TRAILING);

	private static final Pattern APPROXIMATE = Pattern.compile(ABOUT + "\\s+" + QUANTITY + TRAILING);

	private static final Pattern OPEN_ENDED = Pattern
		.compile(QUANTITY + "(?:\\s*\\+|\\s+or more|\\s+and more)" + TRAILING);

	private static final Pattern RANGE = Pattern.compile("(?:between\\s+(" + NUMBER + ")\\s+and\\s+(" + NUMBER + ")|("
			+ NUMBER + ")\\s*(?:-|to)\\s*(" + NUMBER + "))" + TRAILING);

	private static final Pattern PLAIN = Pattern.compile(QUANTITY + TRAILING);

	/**
	 * Words after a number that change its meaning ("500 or fewer", "600, perhaps more"):
	 * left to a person.
	 */
	private static final Pattern QUALIFYING_WORDS = Pattern.compile(
			"\\b(?:more|less|fewer|under|over|nearly|almost|up to|or so|about|around|at least|perhaps|maybe|possibly|estimated)\\b");

	public static ReportedFigure parse(String text) {
		if (text == null || text.isBlank() || text.length() > 200) {
			return unreadable(text);
		}
		String s = normalise(text);
		try {
			Matcher m = RANGE.matcher(s);
			if (m.matches() && plainTrailing(m.group(5))) {
				long low = number(m.group(1) != null ? m.group(1) : m.group(3));
				long high = number(m.group(2) != null ? m.group(2) : m.group(4));
				return low <= high ? parsed(text, low, high) : unreadable(text);
			}
			m = LOWER_BOUND.matcher(s);
			if (m.matches() && plainTrailing(m.group(2))) {
				return parsed(text, lowest(m.group(1)), null);
			}
			m = OPEN_ENDED.matcher(s);
			if (m.matches() && plainTrailing(m.group(2))) {
				return parsed(text, lowest(m.group(1)), null);
			}
			m = APPROXIMATE.matcher(s);
			if (m.matches() && plainTrailing(m.group(2))) {
				return quantity(text, m.group(1));
			}
			m = PLAIN.matcher(s);
			if (m.matches() && plainTrailing(m.group(2))) {
				return quantity(text, m.group(1));
			}
		}
		catch (ArithmeticException | NumberFormatException tooLargeOrFractional) {
			return unreadable(text);
		}
		return unreadable(text);
	}

	private static String normalise(String text) {
		return text.strip()
			.toLowerCase(Locale.ROOT)
			.replaceAll("[\\u2010-\\u2015\\u2212]", "-")
			.replaceAll("[\\s\\u00a0\\u202f]+", " ")
			.replaceFirst("^~\\s*", "about ");
	}

	private static boolean plainTrailing(String trailing) {
		return trailing == null || !QUALIFYING_WORDS.matcher(trailing).find();
	}

	private static ReportedFigure quantity(String text, String quantity) {
		Long vague = vague(quantity);
		if (vague != null) {
			return parsed(text, vague, null);
		}
		long n = "a dozen".equals(quantity) ? 12 : number(quantity);
		return parsed(text, n, n);
	}

	private static long lowest(String quantity) {
		Long vague = vague(quantity);
		return vague != null ? vague : "a dozen".equals(quantity) ? 12 : number(quantity);
	}

	private static Long vague(String quantity) {
		return VAGUE.get(quantity);
	}

	/** "4,000", "1.2 million"; a fraction of a person is not a count. */
	private static long number(String number) {
		String[] parts = number.split("\\s+");
		BigDecimal value = new BigDecimal(parts[0].replace(",", ""));
		if (parts.length > 1) {
			value = value.multiply(BigDecimal.valueOf("million".equals(parts[1]) ? 1_000_000 : 1_000));
		}
		long n = value.longValueExact();
		if (n > MAX) {
			throw new ArithmeticException("too large");
		}
		return n;
	}

	private static ReportedFigure parsed(String text, long low, Long high) {
		return new ReportedFigure(text, low, high, Coding.PARSED);
	}
}
