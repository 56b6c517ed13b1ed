package org.safepassage.evidence.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletResponse;
import org.safepassage.evidence.csv.CsvExport;
import org.safepassage.evidence.store.EvidenceCatalogue;
import org.safepassage.evidence.store.LinkedPetitions;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the public incident list and the researchers' list share: the page of incidents a
 * filter shows with its pager and export links, and the CSV of what it shows. The export
 * of a list at {@code path} is at {@code path + "/incidents.csv"}.
 */
@Component
class IncidentLists {

	private final EvidenceCatalogue catalogue;

	private final EvidenceViews views;

	private final CsvExport export;

	private final LinkedPetitions petitions;

	IncidentLists(EvidenceCatalogue catalogue, EvidenceViews views, CsvExport export, LinkedPetitions petitions) {
		this.catalogue = catalogue;
		this.views = views;
		this.export = export;
		this.petitions = petitions;
	}

	/** Adds the page the filter asks for, and links to the pages around it. */
	void addPage(Model model, String path, IncidentFilter filter, boolean draftsVisible, Locale locale) {
		EvidenceCatalogue.Page page = this.catalogue.search(filter.criteria(draftsVisible), filter.pageNumber());
		model.addAttribute("result", page);
		model.addAttribute("incidents", page.items().stream().map(l -> this.views.incident(l, locale)).toList());
		model.addAttribute("previousLink", page.page() > 0 ? link(path, filter, page.page() - 1) : null);
		model.addAttribute("nextLink", page.hasNext() ? link(path, filter, page.page() + 1) : null);
		model.addAttribute("exportLink", link(path + "/incidents.csv", filter, 0));
	}

	/**
	 * Every incident the filter shows, not only one page, as a CSV download. Whoever may
	 * see draft incidents gets every linked petition's id; anyone else only those of
	 * petitions the public may see, as on the incident's page.
	 */
	void writeCsv(IncidentFilter filter, boolean draftsVisible, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"evidence-incidents.csv\"");
		Predicate<Long> named = draftsVisible ? id -> true : this.petitions.visibleToPublic();
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		this.export.write(this.catalogue.export(filter.criteria(draftsVisible)),
				id -> this.catalogue.petitions(id).stream().filter(named).toList(), out);
		out.flush();
	}

	private static String link(String path, IncidentFilter filter, int page) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
		filter.asParameters().forEach(builder::queryParam);
		if (page > 0) {
			builder.queryParam("page", page);
		}
		return builder.encode().build().toUriString();
	}

}
