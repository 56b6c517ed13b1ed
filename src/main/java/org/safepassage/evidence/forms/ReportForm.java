package org.safepassage.evidence.forms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.evidence.domain.Reliability;
import org.safepassage.evidence.domain.ReportContent;
import org.safepassage.evidence.domain.ReportedFigure;
import org.safepassage.shared.validation.CrossField;
import org.safepassage.shared.validation.EnumNames;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.IsoDate;
import org.safepassage.shared.validation.OneOf;
import org.safepassage.shared.validation.PlainText;
import org.safepassage.shared.validation.WholeNumber;

/**
 * One source's report on an incident. The figure is typed exactly as the source wrote it;
 * low and high are filled in only when a researcher codes a figure that cannot be read
 * automatically.
 */
@CrossField
public record ReportForm(@NotBlank @Size(max = 200) @PlainText String organisation,
		@NotBlank @Size(max = 300) @PlainText String title, @Size(max = 2000) @PlainText @WebAddress String url,
		@Size(max = 10) @IsoDate(message = "{evidence.publishedOn.invalid}") String publishedOn,
		@NotBlank @Size(max = 200) @PlainText String figure,
		@Size(max = 14) @WholeNumber(max = ReportedFigure.MAX, message = "{evidence.low.invalid}") String low,
		@Size(max = 14) @WholeNumber(max = ReportedFigure.MAX, message = "{evidence.high.invalid}") String high,
		@Size(max = 1000) @PlainText(multiline = true) String quote,
		@NotBlank @OneOf(value = Reliability.class, message = "{evidence.reliability.invalid}") String reliability,
		@Size(max = 2000) @PlainText(multiline = true) String note) implements CrossField.Checked {

	public static ReportForm empty() {
		return new ReportForm("", "", "", "", "", "", "", "", "RELIABLE", "");
	}

	public static ReportForm of(ReportContent c) {
		boolean manual = c.figure().coding() == ReportedFigure.Coding.MANUAL;
		return new ReportForm(c.organisation(), c.title(), nullToEmpty(c.url()),
				c.publishedOn() == null ? "" : c.publishedOn().toString(), c.figure().text(),
				manual ? c.figure().low().toString() : "",
				manual && c.figure().high() != null ? c.figure().high().toString() : "", nullToEmpty(c.quote()),
				c.reliability().name(), nullToEmpty(c.note()));
	}

	@Override
	public void check(CrossField.Errors errors) {
		FigureBounds.check(low, high, errors);
	}

	/** Call only once the form is valid. */
	public ReportContent toContent() {
		return new ReportContent(organisation.strip(), title.strip(), FormValues.text(url), FormValues.day(publishedOn),
				FigureBounds.figure(figure, low, high), FormValues.text(quote),
				EnumNames.parse(Reliability.class, reliability), FormValues.text(note));
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
