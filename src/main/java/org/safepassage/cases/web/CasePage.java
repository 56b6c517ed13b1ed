package org.safepassage.cases.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.safepassage.cases.domain.Case;
import org.safepassage.cases.domain.CaseField;
import org.safepassage.cases.domain.CasesProperties;
import org.safepassage.cases.store.Attachments;
import org.safepassage.cases.store.CaseExports;
import org.safepassage.cases.store.CaseRetentions;
import org.safepassage.cases.store.ProtectedFields;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The staff page of one case: public part, approved copy, protected fields masked (or the
 * ones just revealed), attachments and exports. Never cached by a browser or proxy.
 */
@Component
class CasePage {

	private final ProtectedFields fields;

	private final Attachments attachments;

	private final CaseExports exports;

	private final CaseViews views;

	private final CasesProperties properties;

	private final CaseReading reading;

	private final CaseRetentions retentions;

	CasePage(ProtectedFields fields, Attachments attachments, CaseExports exports, CaseViews views,
			CasesProperties properties, CaseReading reading, CaseRetentions retentions) {
		this.retentions = retentions;
		this.fields = fields;
		this.attachments = attachments;
		this.exports = exports;
		this.views = views;
		this.properties = properties;
		this.reading = reading;
	}

	String show(Case file, Model model, HttpServletResponse response) {
		return show(file, Map.of(), model, response);
	}

	String show(Case file, Map<CaseField, String> revealed, Model model, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("file", file);
		model.addAttribute("links", this.views.links(file.content().links(), false));
		model.addAttribute("changed", file.hasUnpublishedChanges());
		model.addAttribute("translationLanguages", this.reading.translationLanguages());
		model.addAttribute("protectedFields", CaseField.protectedFields());
		model.addAttribute("recorded", this.fields.recorded(file));
		model.addAttribute("revealed", revealed);
		model.addAttribute("attachments", this.attachments.list(file));
		List<CaseExports.Export> list = this.exports.list(file);
		model.addAttribute("exports", list);
		model.addAttribute("exportWindow", this.properties.exportWindow());
		model.addAttribute("due", this.retentions.due(file).orElse(null));
		model.addAttribute("retentionZone", this.properties.retention().zone());
		model.addAttribute("maxAttachment", this.properties.attachmentSize().toMegabytes());
		if (!model.containsAttribute("reasonForm")) {
			model.addAttribute("reasonForm", ReasonForm.empty());
		}
		if (!model.containsAttribute("exportForm")) {
			model.addAttribute("exportForm", new ReasonOnlyForm(""));
		}
		return "admin/cases/show";
	}

}
