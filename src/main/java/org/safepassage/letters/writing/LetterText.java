package org.safepassage.letters.writing;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The text of one letter: its placeholders filled in, and a fingerprint to tell letters
 * that are nearly the same apart from letters written in a person's own words.
 * <p>
 * The fingerprint is a bottom-k sketch: the 64 smallest hashes of the text's five-word
 * phrases (lower case, punctuation dropped). Two sketches estimate the share of phrases
 * two letters have in common (Jaccard) without keeping or comparing whole texts.
 */
public final class LetterText {

	static final int SHINGLE_WORDS = 5;

	static final int SKETCH = 64;

	private LetterText() {
	}

	/** The letter with {representative}, {name} and {town} replaced. */
	public static String fill(String text, String representative, String name, String town) {
		return text.replace("{representative}", representative).replace("{name}", name).replace("{town}", town);
	}

	public static int[] fingerprint(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFKC)
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^\\p{L}\\p{N}]+", " ")
			.strip();
		String[] words = plain.isEmpty() ? new String[0] : plain.split(" ");
		TreeSet<Integer> hashes = new TreeSet<>();
		if (words.length < SHINGLE_WORDS) {
			hashes.add(mix(String.join(" ", words).hashCode()));
		}
		for (int i = 0; i + SHINGLE_WORDS <= words.length; i++) {
			hashes.add(mix(String.join(" ", Arrays.copyOfRange(words, i, i + SHINGLE_WORDS)).hashCode()));
			if (hashes.size() > SKETCH) {
				hashes.pollLast();
			}
		}
		return hashes.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The estimated share of five-word phrases two letters have in common, 0 to 1. */
	public static double similarity(int[] a, int[] b) {
		if (a.length == 0 || b.length == 0) {
			return 0;
		}
		TreeSet<Integer> union = new TreeSet<>();
		Arrays.stream(a).forEach(union::add);
		Arrays.stream(b).forEach(union::add);
		int k = Math.min(SKETCH, Math.min(union.size(), Math.max(a.length, b.length)));
		int shared = 0;
		int seen = 0;
		for (int hash : union) {
			if (seen++ == k) {
				break;
			}
			if (Arrays.binarySearch(a, hash) >= 0 && Arrays.binarySearch(b, hash) >= 0) {
				shared++;
			}
		}
		return (double) shared / k;
	}

	/** Spreads String.hashCode's bits so the smallest hashes are a fair sample. */
	private static int mix(int h) {
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		return h ^ (h >>> 16);
	}

}
