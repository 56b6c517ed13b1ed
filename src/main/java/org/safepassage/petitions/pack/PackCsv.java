package org.safepassage.petitions.pack;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The pack's CSV: a header, then one row per signature in the canonical order, each cell
 * exactly as in the canonical list. Reading one back recomputes its digest the way
 * docs/delivery-pack.md tells people to, streaming, within a size bound.
 */
public final class PackCsv {

	static final List<String> HEADER = List.of("name", "country", "signed_on");

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

	private final CSVPrinter printer;

	PackCsv(Writer out) throws IOException {
		this.printer = new CSVPrinter(out, FORMAT);
		printer.printRecord(HEADER);
	}

	void write(PackRow row) throws IOException {
		printer.printRecord(row.name(), row.country(), row.signedOn().toString());
	}

	void finish() throws IOException {
		printer.flush();
	}

	/** What a CSV said: how many rows and the digest of their canonical list. */
	public record Reading(long rows, String digest) {
	}

	/** A file that is not a pack CSV, with the message key that says why. */
	public static final class NotAPackCsv extends Exception {

		private final String messageKey;

		NotAPackCsv(String messageKey, String detail) {
			super(detail);
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}

	}

	/**
	 * Recomputes the digest of a pack CSV: for every row after the header, its three
	 * cells joined by tabs and ended by a line feed, NFC, in UTF-8 (a byte-order mark at
	 * the start is skipped). Reads at most {@code maxBytes}; holds one row at a time.
	 */
	public static Reading digest(InputStream in, long maxBytes) throws NotAPackCsv {
		CanonicalList list = new CanonicalList();
		Reader reader = new BufferedReader(new InputStreamReader(new Bounded(in, maxBytes),
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)));
		try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
			boolean header = true;
			for (CSVRecord record : parser) {
				if (header) {
					requireHeader(record);
					header = false;
					continue;
				}
				if (record.size() != HEADER.size()) {
					throw new NotAPackCsv("verify.error.columns",
							"Row " + record.getRecordNumber() + " has " + record.size() + " cells");
				}
				String line = Normalizer.normalize(String.join("\t", record.toList()) + "\n", Normalizer.Form.NFC);
				list.addLine(line);
			}
			if (header) {
				throw new NotAPackCsv("verify.error.empty", "No header");
			}
		}
		catch (TooLarge ex) {
			throw new NotAPackCsv("verify.error.tooLarge", ex.getMessage());
		}
		catch (CharacterCodingException ex) {
			throw new NotAPackCsv("verify.error.encoding", ex.toString());
		}
		catch (IOException | UncheckedIOException | IllegalStateException ex) {
			if (ex.getCause() instanceof TooLarge tooLarge) {
				throw new NotAPackCsv("verify.error.tooLarge", tooLarge.getMessage());
			}
			if (ex.getCause() instanceof CharacterCodingException coding) {
				throw new NotAPackCsv("verify.error.encoding", coding.toString());
			}
			throw new NotAPackCsv("verify.error.malformed", ex.getMessage());
		}
		return new Reading(list.count(), list.digest());
	}

	private static void requireHeader(CSVRecord record) throws NotAPackCsv {
		List<String> cells = record.toList();
		if (!cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
			cells = new ArrayList<>(cells);
			cells.set(0, cells.get(0).substring(1));
		}
		if (!HEADER.equals(cells)) {
			throw new NotAPackCsv("verify.error.header", "Header " + cells);
		}
	}

	/** Thrown by the stream once more than the bound was read. */
	static final class TooLarge extends IOException {

		TooLarge(long limit) {
			super("More than " + limit + " bytes");
		}

	}

	private static final class Bounded extends FilterInputStream {

		private final long limit;

		private long read;

		Bounded(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws TooLarge {
			read += n;
			if (read > limit) {
				throw new TooLarge(limit);
			}
		}

	}

}
