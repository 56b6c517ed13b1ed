package org.safepassage.evidence.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.evidence.domain.ReconciledFigure;
import org.safepassage.evidence.domain.ReportContent;
import org.safepassage.evidence.domain.ReportedFigure;
import org.safepassage.evidence.domain.SourceReport;
import org.safepassage.evidence.store.EvidenceCatalogue;
import org.safepassage.shared.SpreadsheetCells;
import org.springframework.stereotype.Component;

/** Writes incidents as the import reads them, plus the reconciled figure for readers. */
@Component
public class CsvExport {

	/** Excel reads UTF-8 only with a byte-order mark; the import skips it. */
	static final String BYTE_ORDER_MARK = "\uFEFF";

	public void write(List<EvidenceCatalogue.Listed> incidents, Function<Long, List<Long>> petitionsOf, Writer out) {
		try {
			out.write(BYTE_ORDER_MARK);
			CSVPrinter printer = new CSVPrinter(out,
					CSVFormat.DEFAULT.builder().setHeader(CsvColumns.ALL.toArray(String[]::new)).get());
			for (EvidenceCatalogue.Listed listed : incidents) {
				List<String> incident = incidentCells(listed, petitionsOf.apply(listed.id()));
				List<String> derived = derivedCells(listed.figure());
				if (listed.reports().isEmpty()) {
					printer.printRecord(row(incident, emptyReport(), derived));
				}
				for (SourceReport report : listed.reports()) {
					printer.printRecord(row(incident, reportCells(report.content()), derived));
				}
			}
			printer.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<String> row(List<String> incident, List<String> report, List<String> derived) {
		List<String> row = new ArrayList<>(incident);
		row.addAll(report);
		row.addAll(derived);
		return row.stream().map(SpreadsheetCells::protect).toList();
	}

	private static List<String> incidentCells(EvidenceCatalogue.Listed listed, List<Long> petitionIds) {
		IncidentContent c = listed.content();
		return List.of(String.valueOf(listed.id()), c.kind().name(), c.title(), c.date().precision().name(),
				c.date().firstInput(), c.date().lastInput(), c.place(), c.placePrecision().name(), c.departureCountry(),
				c.returnCountry(), c.summary(), String.join("; ", c.tags()), listed.incident().state().name(),
				String.join(";", petitionIds.stream().map(String::valueOf).toList()));
	}

	private static List<String> reportCells(ReportContent r) {
		boolean manual = r.figure().coding() == ReportedFigure.Coding.MANUAL;
		return List.of(r.organisation(), r.title(), orEmpty(r.url()),
				r.publishedOn() == null ? "" : r.publishedOn().toString(), r.figure().text(),
				manual ? String.valueOf(r.figure().low()) : "",
				manual && r.figure().high() != null ? String.valueOf(r.figure().high()) : "", orEmpty(r.quote()),
				r.reliability().name(), orEmpty(r.note()));
	}

	private static List<String> emptyReport() {
		return CsvColumns.REPORT.stream().map(c -> "").toList();
	}

	private static List<String> derivedCells(ReconciledFigure f) {
		return f.known() ? List.of(String.valueOf(f.low()), String.valueOf(f.best()), String.valueOf(f.high()),
				String.valueOf(f.sources())) : List.of("", "", "", "0");
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

}
