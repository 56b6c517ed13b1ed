package org.safepassage.evidence.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.safepassage.evidence.domain.Estimate;
import org.safepassage.evidence.domain.EstimateContent;
import org.safepassage.evidence.domain.IncidentContent;
import org.safepassage.evidence.domain.IncidentKind;
import org.safepassage.evidence.domain.IncidentState;
import org.safepassage.evidence.domain.ReconciledFigure;
import org.safepassage.evidence.domain.ReportContent;
import org.safepassage.evidence.domain.ReportedFigure;
import org.safepassage.evidence.domain.SourceReport;
import org.safepassage.evidence.store.EstimateRepository;
import org.safepassage.evidence.store.EvidenceCatalogue;
import org.safepassage.evidence.timeline.Timeline;
import org.safepassage.shared.NotFoundException;
import org.safepassage.shared.validation.EnumNames;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open data: published incidents, their source reports, estimates and the timeline.
 * Described at /v3/api-docs.
 */
@RestController
@RequestMapping("/api/evidence")
@Tag(name = "Evidence", description = "Incidents of forced return, recorded source by source")
class EvidenceApiController {

	private final EvidenceCatalogue catalogue;

	private final EstimateRepository estimates;

	EvidenceApiController(EvidenceCatalogue catalogue, EstimateRepository estimates) {
		this.catalogue = catalogue;
		this.estimates = estimates;
	}

	record FigureJson(String text, Long low, Long high, String coding) {

		static FigureJson of(ReportedFigure f) {
			return new FigureJson(f.text(), f.low(), f.high(), f.coding().name());
		}
	}

	record ReconciledJson(Long low, Long best, Long high, boolean openEnded, int sources, String basis,
			int unreadableReports, String overrideNote) {

		static ReconciledJson of(ReconciledFigure f) {
			return new ReconciledJson(f.low(), f.best(), f.high(), f.openEnded(), f.sources(),
					f.basis() == null ? null : f.basis().name(), f.unreadable(), f.overrideNote());
		}
	}

	record ReportJson(long id, String organisation, String title, String url, LocalDate publishedOn, FigureJson figure,
			String quote, String reliability, String note) {

		static ReportJson of(SourceReport r) {
			ReportContent c = r.content();
			return new ReportJson(r.id(), c.organisation(), c.title(), c.url(), c.publishedOn(),
					FigureJson.of(c.figure()), c.quote(), c.reliability().name(), c.note());
		}
	}

	record IncidentJson(long id, String kind, String title, String datePrecision, LocalDate dateFrom, LocalDate dateTo,
			String place, String placePrecision, String departureCountry, String returnCountry, String summary,
			List<String> tags, ReconciledJson figure, List<ReportJson> reports, String path) {

		static IncidentJson of(EvidenceCatalogue.Listed l) {
			IncidentContent c = l.content();
			return new IncidentJson(l.id(), c.kind().name(), c.title(), c.date().precision().name(), c.date().from(),
					c.date().to(), c.place(), c.placePrecision().name(), c.departureCountry(), c.returnCountry(),
					c.summary(), c.tags(), ReconciledJson.of(l.figure()),
					l.reports().stream().map(ReportJson::of).toList(), "/evidence/incidents/" + l.id());
		}
	}

	record IncidentPageJson(List<IncidentJson> items, int page, int pageSize, long total, boolean hasNext) {
	}

	record EstimateJson(long id, String statement, String measure, String rate, String periodPrecision,
			LocalDate periodFrom, LocalDate periodTo, FigureJson figure, String organisation, String sourceTitle,
			String url, LocalDate publishedOn, String quote, String note) {

		static EstimateJson of(Estimate e) {
			EstimateContent c = e.content();
			return new EstimateJson(e.id(), c.statement(), c.measure().name(), c.rate().name(),
					c.period().precision().name(), c.period().from(), c.period().to(), FigureJson.of(c.figure()),
					c.organisation(), c.sourceTitle(), c.url(), c.publishedOn(), c.quote(), c.note());
		}
	}

	record MonthJson(YearMonth month, long low, long best, long high, long cumulativeLow, long cumulativeBest,
			long cumulativeHigh, List<Long> incidents) {
	}

	record TimelineJson(String kind, List<MonthJson> months, List<Long> notPlacedInAMonth, List<Long> withoutFigure) {
	}

	@Operation(summary = "Published incidents, newest first, filtered and searched like the incident list")
	@GetMapping("/incidents")
	IncidentPageJson incidents(@Valid @ParameterObject @ModelAttribute IncidentFilter filter) {
		EvidenceCatalogue.Page page = catalogue.search(filter.criteria(false), filter.pageNumber());
		return new IncidentPageJson(page.items().stream().map(IncidentJson::of).toList(), page.page(),
				EvidenceCatalogue.PAGE_SIZE, page.total(), page.hasNext());
	}

	@Operation(summary = "One published incident with every source's report side by side")
	@GetMapping("/incidents/{id}")
	IncidentJson incident(@PathVariable long id) {
		return IncidentJson.of(published(id));
	}

	@Operation(summary = "The source reports of one published incident")
	@GetMapping("/incidents/{id}/reports")
	List<ReportJson> reports(@PathVariable long id) {
		return published(id).reports().stream().map(ReportJson::of).toList();
	}

	@Operation(summary = "Published estimates that are not events; never part of incident totals")
	@GetMapping("/estimates")
	List<EstimateJson> estimates() {
		return estimates.all(IncidentState.PUBLISHED).stream().map(EstimateJson::of).toList();
	}

	@Operation(
			summary = "People affected per month by published incidents of one kind, with low–high and running totals")
	@GetMapping("/timeline")
	TimelineJson timeline(@Parameter(description = "Incident kind, FORCED_REPATRIATION by default") @RequestParam(
			defaultValue = "FORCED_REPATRIATION") String kind) {
		IncidentKind chosen = EnumNames.find(IncidentKind.class, kind)
			.orElseThrow(() -> new BadParameter("kind", "not one of " + List.of(IncidentKind.values())));
		Timeline t = Timeline.of(chosen, catalogue.publishedOfKind(chosen));
		return new TimelineJson(chosen.name(), t.months()
			.stream()
			.map(m -> new MonthJson(m.month(), m.low(), m.best(), m.high(), m.cumulativeLow(), m.cumulativeBest(),
					m.cumulativeHigh(), m.incidents().stream().map(EvidenceCatalogue.Listed::id).toList()))
			.toList(), t.imprecise().stream().map(EvidenceCatalogue.Listed::id).toList(),
				t.withoutFigure().stream().map(EvidenceCatalogue.Listed::id).toList());
	}

	/** One problem detail naming every bad parameter and why. */
	@ExceptionHandler(BindException.class)
	ProblemDetail invalidFilter(BindException e, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Some parameters are not valid");
		problem.setProperty("errors",
				e.getFieldErrors()
					.stream()
					.map(f -> Map.of("parameter", f.getField(), "message",
							f.getDefaultMessage() == null ? "not valid" : f.getDefaultMessage()))
					.toList());
		return problem;
	}

	@ExceptionHandler(BadParameter.class)
	ProblemDetail badParameter(BadParameter e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setProperty("errors", List.of(Map.of("parameter", e.parameter, "message", e.reason)));
		return problem;
	}

	static class BadParameter extends RuntimeException {

		final String parameter;

		final String reason;

		BadParameter(String parameter, String reason) {
			super("'" + parameter + "' is not valid: " + reason);
			this.parameter = parameter;
			this.reason = reason;
		}

	}

	private EvidenceCatalogue.Listed published(long id) {
		return catalogue.incident(id, false).orElseThrow(() -> new NotFoundException("No published incident " + id));
	}

}
