package io.aftercare.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

/** The pages' Qute templates ({@code templates/page/}), checked against their data at build time; HTML-escaped. */
@CheckedTemplate(basePath = "page")
final class PageTemplates {

    private PageTemplates() {}

    static native TemplateInstance aftercare(PageView page, RawString style);

    static native TemplateInstance notice(NoticeView notice, RawString style);
}
