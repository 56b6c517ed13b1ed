package org.safepassage.evidence.forms;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.evidence.domain.DatePrecision;
import org.safepassage.evidence.domain.Enums;
import org.safepassage.evidence.domain.Estimate;
import org.safepassage.evidence.domain.FuzzyDate;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.domain.ReportedFigure;
import org.safepassage.shared.validation.PlainText;

/**
 * An estimate that is not an event: what it measures, over which period, from which
 * source.
 */
public record EstimateForm(@NotBlank @Size(max = 300) @PlainText String statement, @NotBlank String measure,
		@NotBlank String rate, @NotBlank String periodPrecision, @NotBlank @Size(max = 10) String period,
		@Size(max = 10) String periodTo, @NotBlank @Size(max = 200) @PlainText String figure,
		@Size(max = 14) String low, @Size(max = 14) String high,
		@NotBlank @Size(max = 200) @PlainText String organisation,
		@NotBlank @Size(max = 300) @PlainText String sourceTitle, @Size(max = 2000) @PlainText String url,
		@Size(max = 10) String publishedOn, @Size(max = 1000) @PlainText(multiline = true) String quote,
		@Size(max = 2000) @PlainText(multiline = true) String note, boolean published, List<Long> petitionIds) {

	public static EstimateForm empty() {
		return new EstimateForm("", "RETURNED", "PER_YEAR", "YEAR", "", "", "", "", "", "", "", "", "", "", "", false,
				List.of());
	}

	public static EstimateForm of(Estimate estimate, List<Long> petitionIds) {
		Estimate.Content c = estimate.content();
		boolean manual = c.figure().coding() == ReportedFigure.Coding.MANUAL;
		return new EstimateForm(c.statement(), c.measure().name(), c.rate().name(), c.period().precision().name(),
				c.period().firstInput(), c.period().lastInput(), c.figure().text(),
				manual ? c.figure().low().toString() : "",
				manual && c.figure().high() != null ? c.figure().high().toString() : "", c.organisation(),
				c.sourceTitle(), orEmpty(c.url()), c.publishedOn() == null ? "" : c.publishedOn().toString(),
				orEmpty(c.quote()), orEmpty(c.note()), estimate.state() == IncidentState.PUBLISHED, petitionIds);
	}

	@AssertTrue(message = "{evidence.measure.invalid}")
	public boolean isMeasureValid() {
		return Typed.blank(measure) || Enums.parse(Estimate.Measure.class, measure) != null;
	}

	@AssertTrue(message = "{evidence.rate.invalid}")
	public boolean isRateValid() {
		return Typed.blank(rate) || Enums.parse(Estimate.Rate.class, rate) != null;
	}

	@AssertTrue(message = "{evidence.datePrecision.invalid}")
	public boolean isPeriodPrecisionValid() {
		return Typed.blank(periodPrecision) || DatePrecision.parse(periodPrecision) != null;
	}

	@AssertTrue(message = "{evidence.period.invalid}")
	public boolean isPeriodValid() {
		DatePrecision precision = DatePrecision.parse(periodPrecision);
		return Typed.blank(period) || precision == null || fuzzyPeriod().isPresent()
				|| precision == DatePrecision.RANGE && Typed.validDay(period, LocalDate.now());
	}

	@AssertTrue(message = "{evidence.dateTo.invalid}")
	public boolean isPeriodToValid() {
		if (DatePrecision.parse(periodPrecision) != DatePrecision.RANGE) {
			return true;
		}
		LocalDate to = Typed.day(periodTo, LocalDate.now());
		if (to == null || to.equals(LocalDate.MIN)) {
			return false;
		}
		LocalDate from = Typed.day(period, LocalDate.now());
		return from == null || from.equals(LocalDate.MIN) || !to.isBefore(from);
	}

	@AssertTrue(message = "{evidence.low.invalid}")
	public boolean isLowValid() {
		return Typed.validLow(low, high);
	}

	@AssertTrue(message = "{evidence.high.invalid}")
	public boolean isHighValid() {
		return Typed.validHigh(low, high);
	}

	@AssertTrue(message = "{evidence.url.invalid}")
	public boolean isUrlValid() {
		return Typed.validUrl(url);
	}

	@AssertTrue(message = "{evidence.publishedOn.invalid}")
	public boolean isPublishedOnValid() {
		return Typed.validDay(publishedOn, LocalDate.now());
	}

	Optional<FuzzyDate> fuzzyPeriod() {
		return FuzzyDate.parse(DatePrecision.parse(periodPrecision), period, periodTo, LocalDate.now());
	}

	public List<Long> petitions() {
		return petitionIds == null ? List.of() : petitionIds.stream().filter(Objects::nonNull).distinct().toList();
	}

	public IncidentState state() {
		return published ? IncidentState.PUBLISHED : IncidentState.DRAFT;
	}

	public Estimate.Content toContent() {
		return new Estimate.Content(statement.strip(), Enums.parse(Estimate.Measure.class, measure),
				Enums.parse(Estimate.Rate.class, rate), fuzzyPeriod().orElseThrow(), Typed.figure(figure, low, high),
				organisation.strip(), sourceTitle.strip(), Typed.text(url), Typed.day(publishedOn, LocalDate.now()),
				Typed.text(quote), Typed.text(note));
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}
