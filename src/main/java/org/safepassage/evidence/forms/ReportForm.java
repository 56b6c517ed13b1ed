package org.safepassage.evidence.forms;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.evidence.domain.Reliability;
import org.safepassage.evidence.domain.ReportedFigure;
import org.safepassage.evidence.domain.SourceReport;
import org.safepassage.shared.validation.PlainText;

/**
 * One source's report on an incident. The figure is typed exactly as the source wrote it;
 * low and high are filled in only when a researcher codes a figure that cannot be read
 * automatically.
 */
public record ReportForm(@NotBlank @Size(max = 200) @PlainText String organisation,
		@NotBlank @Size(max = 300) @PlainText String title, @Size(max = 2000) @PlainText String url,
		@Size(max = 10) String publishedOn, @NotBlank @Size(max = 200) @PlainText String figure,
		@Size(max = 14) String low, @Size(max = 14) String high,
		@Size(max = 1000) @PlainText(multiline = true) String quote, @NotBlank String reliability,
		@Size(max = 2000) @PlainText(multiline = true) String note) {

	public static ReportForm empty() {
		return new ReportForm("", "", "", "", "", "", "", "", "RELIABLE", "");
	}

	public static ReportForm of(SourceReport.Content c) {
		boolean manual = c.figure().coding() == ReportedFigure.Coding.MANUAL;
		return new ReportForm(c.organisation(), c.title(), nullToEmpty(c.url()),
				c.publishedOn() == null ? "" : c.publishedOn().toString(), c.figure().text(),
				manual ? c.figure().low().toString() : "",
				manual && c.figure().high() != null ? c.figure().high().toString() : "", nullToEmpty(c.quote()),
				c.reliability().name(), nullToEmpty(c.note()));
	}

	@AssertTrue(message = "{evidence.url.invalid}")
	public boolean isUrlValid() {
		return Typed.validUrl(url);
	}

	@AssertTrue(message = "{evidence.publishedOn.invalid}")
	public boolean isPublishedOnValid() {
		return Typed.validDay(publishedOn, LocalDate.now());
	}

	@AssertTrue(message = "{evidence.low.invalid}")
	public boolean isLowValid() {
		return Typed.validLow(low, high);
	}

	@AssertTrue(message = "{evidence.high.invalid}")
	public boolean isHighValid() {
		return Typed.validHigh(low, high);
	}

	@AssertTrue(message = "{evidence.reliability.invalid}")
	public boolean isReliabilityValid() {
		return Typed.blank(reliability) || Reliability.parse(reliability) != null;
	}

	/** Call only once the form is valid. */
	public SourceReport.Content toContent() {
		return new SourceReport.Content(organisation.strip(), title.strip(), Typed.text(url),
				Typed.day(publishedOn, LocalDate.now()), Typed.figure(figure, low, high), Typed.text(quote),
				Reliability.parse(reliability), Typed.text(note));
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
