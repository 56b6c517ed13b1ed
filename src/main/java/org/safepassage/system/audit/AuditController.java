package org.safepassage.system.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Admins read the audit log, filtered by person, action and days, or export it as CSV;
 * and see who looked at which protected field, when and why ("protected reads").
 */
@Controller
class AuditController {

	/** The newest entries shown on the page; the export holds more. */
	static final int PAGE_LIMIT = 500;

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String list(@Valid @ModelAttribute("filter") AuditFilter filter, BindingResult errors, Model model) {
		AuditFilter shown = errors.hasErrors() ? AuditFilter.ALL : filter;
		model.addAttribute("entries", audit.find(shown, PAGE_LIMIT));
		model.addAttribute("total", audit.count(shown));
		model.addAttribute("limit", PAGE_LIMIT);
		model.addAttribute("exportLink", exportLink(shown));
		return "admin/audit/list";
	}

	/** Every read of a protected value: who, when, which record, which field, why. */
	@GetMapping("/admin/audit/protected-reads")
	String protectedReads(@Valid @ModelAttribute("filter") AuditFilter filter, BindingResult errors, Model model) {
		AuditFilter shown = (errors.hasErrors() ? AuditFilter.ALL : filter).withAction(AuditLog.PROTECTED_READ);
		model.addAttribute("entries", audit.find(shown, PAGE_LIMIT));
		model.addAttribute("total", audit.count(shown));
		model.addAttribute("limit", PAGE_LIMIT);
		model.addAttribute("exportLink", exportLink(shown));
		return "admin/audit/protected-reads";
	}

	@GetMapping("/admin/audit.csv")
	String export(@Valid @ModelAttribute("filter") AuditFilter filter, BindingResult errors, Model model,
			HttpServletResponse response) throws IOException {
		if (errors.hasErrors()) {
			return list(filter, errors, model);
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"staff-audit.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		AuditCsv csv = AuditCsv.start(out);
		audit.forEach(filter, csv::write);
		csv.finish();
		out.flush();
		return null;
	}

	private static String exportLink(AuditFilter filter) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/admin/audit.csv");
		addIfSet(link, "person", filter.person());
		addIfSet(link, "action", filter.action());
		addIfSet(link, "from", filter.from());
		addIfSet(link, "to", filter.to());
		return link.encode().build().toUriString();
	}

	private static void addIfSet(UriComponentsBuilder link, String name, String value) {
		if (value != null && !value.isBlank()) {
			link.queryParam(name, value);
		}
	}

}
