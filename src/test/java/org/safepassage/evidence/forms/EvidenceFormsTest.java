package org.safepassage.evidence.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/**
 * Each broken rule lands on the field the researcher must change, with that field's
 * message; "today" is the application's clock.
 */
class EvidenceFormsTest {

	private final Validator validator = Validation.byDefaultProvider()
		.configure()
		.clockProvider(() -> Clock.fixed(Instant.parse("2024-06-15T12:00:00Z"), ZoneOffset.UTC))
		.buildValidatorFactory()
		.getValidator();

	/** Field name to message template. */
	private <T> Map<String, List<String>> errors(T form) {
		return this.validator.validate(form)
			.stream()
			.collect(Collectors.groupingBy(v -> v.getPropertyPath().toString(),
					Collectors.mapping(ConstraintViolation::getMessageTemplate, Collectors.toList())));
	}

	static IncidentForm incident(String precision, String date, String dateTo) {
		return new IncidentForm("ARREST", "Title", precision, date, dateTo, "Tumen", "CITY", "cn", "KP", "Summary",
				"a; b, a", List.of());
	}

	@Test
	void anIncidentDateIsReadAtItsPrecisionAndNotAfterToday() {
		assertThat(errors(incident("DAY", "2024-06-15", ""))).isEmpty();
		assertThat(errors(incident("MONTH", "2024-06", ""))).isEmpty();
		assertThat(errors(incident("YEAR", "2024", "not read"))).isEmpty();
		assertThat(errors(incident("DAY", "2024-06-16", ""))).containsOnlyKeys("date");
		assertThat(errors(incident("MONTH", "2024-07", ""))).containsOnlyKeys("date");
		assertThat(errors(incident("YEAR", "2023-10", ""))).containsEntry("date", List.of("{evidence.date.invalid}"));
		assertThat(errors(incident("RANGE", "2023", "2023-12-31"))).containsOnlyKeys("date");
		assertThat(errors(incident("NOPE", "whenever", "")))
			.containsExactly(Map.entry("datePrecision", List.of("{evidence.datePrecision.invalid}")));
	}

	@Test
	void aRangeEndsOnARealDayFromItsFirstDayToToday() {
		assertThat(errors(incident("RANGE", "2023-10-01", "2023-10-20"))).isEmpty();
		assertThat(errors(incident("RANGE", "2023-10-20", "2023-10-01")))
			.containsExactly(Map.entry("dateTo", List.of("{evidence.dateTo.invalid}")));
		assertThat(errors(incident("RANGE", "2023-10-20", ""))).containsOnlyKeys("dateTo");
		assertThat(errors(incident("RANGE", "2024-06-01", "2024-07-01"))).containsOnlyKeys("dateTo");
		assertThat(errors(incident("RANGE", "2023-02-30", "2023-10-01"))).containsOnlyKeys("date");
	}

	@Test
	void anIncidentReadsItsValuesOnceValid() {
		IncidentForm form = incident("range", "2023-10-01", "2023-10-20");
		assertThat(form.toContent().date().text(Locale.ENGLISH)).isEqualTo("1 October 2023 – 20 October 2023");
		assertThat(form.toContent().departureCountry()).isEqualTo("CN");
		assertThat(form.toContent().tags()).containsExactly("a", "b");
		assertThat(errors(new IncidentForm("arrest", "T", "DAY", "2020-01-01", "", "P", "city", "XX", "KP", "S",
				"x".repeat(41), List.of())))
			.containsOnlyKeys("departureCountry", "tags");
	}

	static ReportForm report(String url, String publishedOn, String low, String high, String reliability) {
		return new ReportForm("Border Watch", "Report", url, publishedOn, "several hundred", low, high, "", reliability,
				"");
	}

	@Test
	void aReportCodesAHighOnlyWithALowNoSmallerThanIt() {
		assertThat(errors(report("https://example.org/r", "2024-06-15", "200", "300", "probable"))).isEmpty();
		assertThat(errors(report("", "", "", "300", "RELIABLE")))
			.containsExactly(Map.entry("low", List.of("{evidence.low.invalid}")));
		assertThat(errors(report("", "", "600", "500", "RELIABLE")))
			.containsExactly(Map.entry("high", List.of("{evidence.high.invalid}")));
		assertThat(errors(report("", "", "x", "500", "RELIABLE"))).containsOnlyKeys("low");
		assertThat(errors(report("", "", "2,000,000,000", "", "RELIABLE"))).containsOnlyKeys("low");
		assertThat(errors(report("javascript:alert(1)", "2024-06-16", "", "", "SURE")))
			.containsEntry("url", List.of("{evidence.url.invalid}"))
			.containsEntry("publishedOn", List.of("{evidence.publishedOn.invalid}"))
			.containsEntry("reliability", List.of("{evidence.reliability.invalid}"));
		assertThat(report("", "", "4,000", "", "RELIABLE").toContent().figure().low()).isEqualTo(4000);
	}

	@Test
	void anOverridesBestLiesFromItsLowToItsHigh() {
		assertThat(errors(new OverrideForm("550", "580", "600", "Later testimony"))).isEmpty();
		assertThat(errors(new OverrideForm("550", "700", "500", "n")))
			.containsEntry("best", List.of("{evidence.best.invalid}"))
			.containsEntry("high", List.of("{evidence.high.invalid}"));
		assertThat(errors(new OverrideForm("-1", "5", "6", "n")))
			.containsExactly(Map.entry("low", List.of("{evidence.number.invalid}")));
	}

	@Test
	void anEstimatePeriodIsCheckedLikeAnIncidentDate() {
		EstimateForm form = new EstimateForm("Returned each year", "returned", "per year", "YEAR", "2025", "", "4,000",
				"", "", "Release International", "Statement", "", "", "", "", true, List.of());
		assertThat(errors(form)).containsExactly(Map.entry("period", List.of("{evidence.period.invalid}")));
	}

}
