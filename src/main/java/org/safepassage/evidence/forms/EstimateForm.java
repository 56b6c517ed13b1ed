package org.safepassage.evidence.forms;

import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.evidence.domain.DatePrecision;
import org.safepassage.evidence.domain.Estimate;
import org.safepassage.evidence.domain.EstimateContent;
import org.safepassage.evidence.domain.FuzzyDate;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.domain.ReportedFigure;
import org.safepassage.shared.validation.CrossField;
import org.safepassage.shared.validation.EnumNames;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.IsoDate;
import org.safepassage.shared.validation.OneOf;
import org.safepassage.shared.validation.PlainText;
import org.safepassage.shared.validation.WholeNumber;

/**
 * An estimate that is not an event: what it measures, over which period, from which
 * source.
 */
@CrossField
@FuzzyDateInput(first = "period", last = "periodTo", message = "{evidence.period.invalid}")
public record EstimateForm(@NotBlank @Size(max = 300) @PlainText String statement,
		@NotBlank @OneOf(value = Estimate.Measure.class, message = "{evidence.measure.invalid}") String measure,
		@NotBlank @OneOf(value = Estimate.Rate.class, message = "{evidence.rate.invalid}") String rate,
		@NotBlank @OneOf(value = DatePrecision.class,
				message = "{evidence.datePrecision.invalid}") String periodPrecision,
		@NotBlank @Size(max = 10) String period, @Size(max = 10) String periodTo,
		@NotBlank @Size(max = 200) @PlainText String figure,
		@Size(max = 14) @WholeNumber(max = ReportedFigure.MAX, message = "{evidence.low.invalid}") String low,
		@Size(max = 14) @WholeNumber(max = ReportedFigure.MAX, message = "{evidence.high.invalid}") String high,
		@NotBlank @Size(max = 200) @PlainText String organisation,
		@NotBlank @Size(max = 300) @PlainText String sourceTitle, @Size(max = 2000) @PlainText @WebAddress String url,
		@Size(max = 10) @IsoDate(message = "{evidence.publishedOn.invalid}") String publishedOn,
		@Size(max = 1000) @PlainText(multiline = true) String quote,
		@Size(max = 2000) @PlainText(multiline = true) String note, boolean published,
		List<Long> petitionIds) implements CrossField.Checked, FuzzyDateInput.Typed {

	public static EstimateForm empty() {
		return new EstimateForm("", "RETURNED", "PER_YEAR", "YEAR", "", "", "", "", "", "", "", "", "", "", "", false,
				List.of());
	}

	public static EstimateForm of(Estimate estimate, List<Long> petitionIds) {
		EstimateContent c = estimate.content();
		boolean manual = c.figure().coding() == ReportedFigure.Coding.MANUAL;
		return new EstimateForm(c.statement(), c.measure().name(), c.rate().name(), c.period().precision().name(),
				c.period().firstInput(), c.period().lastInput(), c.figure().text(),
				manual ? c.figure().low().toString() : "",
				manual && c.figure().high() != null ? c.figure().high().toString() : "", c.organisation(),
				c.sourceTitle(), orEmpty(c.url()), c.publishedOn() == null ? "" : c.publishedOn().toString(),
				orEmpty(c.quote()), orEmpty(c.note()), estimate.state() == IncidentState.PUBLISHED, petitionIds);
	}

	@Override
	public void check(CrossField.Errors errors) {
		FigureBounds.check(low, high, errors);
	}

	@Override
	public FuzzyDateInput.Text typedDate() {
		return new FuzzyDateInput.Text(periodPrecision, period, periodTo);
	}

	public List<Long> petitions() {
		return petitionIds == null ? List.of() : petitionIds.stream().filter(Objects::nonNull).distinct().toList();
	}

	public IncidentState state() {
		return published ? IncidentState.PUBLISHED : IncidentState.DRAFT;
	}

	/** Call only once the form is valid. */
	public EstimateContent toContent() {
		FuzzyDate fuzzyPeriod = FuzzyDate.read(EnumNames.parse(DatePrecision.class, periodPrecision), period, periodTo)
			.orElseThrow();
		return new EstimateContent(statement.strip(), EnumNames.parse(Estimate.Measure.class, measure),
				EnumNames.parse(Estimate.Rate.class, rate), fuzzyPeriod, FigureBounds.figure(figure, low, high),
				organisation.strip(), sourceTitle.strip(), FormValues.text(url), FormValues.day(publishedOn),
				FormValues.text(quote), FormValues.text(note));
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}
