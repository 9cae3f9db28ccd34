package org.delib.reports.pv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A ruled table drawn row by row on {@link PdfPages}: a row that does not fit goes to a new page, under the table's
 * header drawn again. Cells wrap at spaces; the tallest cell sets the row's height.
 */
final class PdfTable {

    enum Align { LEFT, CENTER, RIGHT }

    record Column(String title, float width, Align align) {}

    /** A title over {@code span} consecutive columns. */
    record Group(String title, int span) {}

    private static final float PAD = 2;
    private static final float HEADER_GRAY = 0.85f;
    private static final float SHADE_GRAY = 0.94f;

    private final PdfPages pages;
    private final List<Column> columns;
    private final float[] widths;
    private final List<Group> groups;
    private final float fontSize;

    PdfTable(PdfPages pages, List<Column> columns, List<Group> groups, float fontSize) {
        this.pages = pages;
        this.columns = List.copyOf(columns);
        this.widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).width();
        }
        this.groups = List.copyOf(groups);
        this.fontSize = fontSize;
    }

    private float leading() {
        return fontSize * 1.2f;
    }

    /** The group titles, if any, then the column titles, at the cursor. */
    void header() throws IOException {
        if (!groups.isEmpty()) {
            float h = leading() + 2 * PAD;
            float x = pages.left();
            int c = 0;
            for (Group g : groups) {
                float w = 0;
                for (int i = 0; i < g.span(); i++) {
                    w += columns.get(c++).width();
                }
                pages.rect(x, pages.y - h, w, h, HEADER_GRAY, true);
                pages.textCentered(g.title(), x + w / 2, pages.y - PAD - fontSize, fontSize, true);
                x += w;
            }
            pages.y -= h;
        }
        List<String> titles = columns.stream().map(Column::title).toList();
        draw(wrap(titles), true, HEADER_GRAY, true);
    }

    /** One row; {@code shaded} rows get a light background, to follow a line across a wide page. */
    void row(List<String> cells, boolean bold, boolean shaded) throws IOException {
        List<List<String>> wrapped = wrap(cells);
        if (!pages.fits(height(wrapped))) {
            pages.newPage();
            header();
        }
        draw(wrapped, bold, shaded ? SHADE_GRAY : null, false);
    }

    /** Each cell cut into the lines that fit its column. */
    private List<List<String>> wrap(List<String> cells) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String cell = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
            wrapped.add(pages.wrap(cell, fontSize, columns.get(i).width() - 2 * PAD));
        }
        return wrapped;
    }

    private float height(List<List<String>> wrapped) {
        int lines = 1;
        for (List<String> cell : wrapped) {
            lines = Math.max(lines, cell.size());
        }
        return lines * leading() + 2 * PAD;
    }

    private void draw(List<List<String>> wrapped, boolean bold, Float gray, boolean centered) throws IOException {
        float h = height(wrapped);
        float top = pages.y;
        float x = pages.left();
        pages.boxes(x, top, widths, h, gray);
        for (int i = 0; i < columns.size(); i++) {
            Column col = columns.get(i);
            float baseline = top - PAD - fontSize;
            Align align = centered ? Align.CENTER : col.align();
            for (String line : wrapped.get(i)) {
                switch (align) {
                    case LEFT -> pages.text(line, x + PAD, baseline, fontSize, bold);
                    case CENTER -> pages.textCentered(line, x + col.width() / 2, baseline, fontSize, bold);
                    case RIGHT -> pages.textRight(line, x + col.width() - PAD, baseline, fontSize, bold);
                }
                baseline -= leading();
            }
            x += col.width();
        }
        pages.y -= h;
    }
}
