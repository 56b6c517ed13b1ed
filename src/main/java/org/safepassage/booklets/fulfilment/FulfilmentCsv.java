package org.safepassage.booklets.fulfilment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.safepassage.shared.Countries;
import org.safepassage.shared.SpreadsheetCells;
import org.springframework.stereotype.Component;

/**
 * The orders to post, as a mailing house takes them: one row per order with a reference,
 * the name and the address in international lines, the item, its language and the number
 * of copies. No email address: the mailing house does not need it. Every cell that a
 * spreadsheet would run as a formula is written with a leading apostrophe
 * ({@link SpreadsheetCells}); the file starts with a byte-order mark so Excel reads it as
 * UTF-8 (Hangul and Hanzi in names and towns).
 */
@Component
public class FulfilmentCsv {

	static final String BYTE_ORDER_MARK = "\uFEFF";

	public static final List<String> COLUMNS = List.of("reference", "name", "address_line_1", "address_line_2", "town",
			"region", "postcode", "country_code", "country", "item", "language", "quantity", "confirmed_at");

	private static final DateTimeFormatter CONFIRMED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	public void write(List<OrderToFulfil> orders, Writer out) {
		try {
			out.write(BYTE_ORDER_MARK);
			CSVPrinter printer = new CSVPrinter(out,
					CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
			for (OrderToFulfil o : orders) {
				printer.printRecord(Stream
					.of(o.reference(), o.name(), o.line1(), o.line2(), o.town(), o.region(), o.postcode(), o.country(),
							Countries.name(o.country(), Locale.ENGLISH), o.title(), o.language(),
							String.valueOf(o.quantity()), CONFIRMED_AT.format(o.confirmedAt()))
					.map(cell -> cell == null ? "" : SpreadsheetCells.protect(cell))
					.toList());
			}
			printer.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
