package org.safepassage.system.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.safepassage.shared.SpreadsheetCells;

/**
 * The audit log as CSV. Actors and path variables are typed by people (an email may begin
 * with "="), so a cell a spreadsheet would run as a formula is written with a leading
 * apostrophe, as the evidence export does.
 */
final class AuditCsv {

	static final List<String> COLUMNS = List.of("id", "at", "actor", "action", "record", "outcome", "address");

	/** Excel reads UTF-8 only with a byte-order mark. */
	private static final String BYTE_ORDER_MARK = "\uFEFF";

	private final CSVPrinter printer;

	private AuditCsv(CSVPrinter printer) {
		this.printer = printer;
	}

	static AuditCsv start(Writer out) {
		try {
			out.write(BYTE_ORDER_MARK);
			return new AuditCsv(
					new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void write(AuditEntry entry) {
		try {
			this.printer.printRecord(
					Stream
						.of(String.valueOf(entry.id()), entry.at().toString(), entry.actor(), entry.action(),
								entry.record(), entry.outcome(), entry.address())
						.map(SpreadsheetCells::protect)
						.toList());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void finish() {
		try {
			this.printer.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
