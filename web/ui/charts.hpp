// Line charts drawn with ImGui's draw list, for My progress and the debrief: big axis labels, each
// series with its own marker shape and a legend, values written beside the points (not colour alone).
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace dah::ui {

struct ChartSeries {
    std::string name;
    ImVec4 colour;
    int marker = 0;              // shape, as draw_group_marker: circle, square, triangle, diamond
    std::vector<double> values;  // by x position, 0..1; negative = no point
    bool labels = true;          // the value written beside each point, as a percentage
    bool dashed = false;
};

// A chart `height` tall over the available width: y from 0 to 100 (%), one x position per label.
// Leaves the cursor under it (with the legend) and returns the plot's screen rectangle.
void line_chart(const std::vector<std::string>& x_labels, const std::vector<ChartSeries>& series,
                float height, const char* y_title);

// A scatter of points (x, y in 0..1) against the diagonal, each with a text label (e.g. a count).
struct ChartPoint {
    double x = 0, y = 0;
    std::string label;
};
void calibration_chart(const std::vector<ChartPoint>& points, float size, ImVec4 colour);

}  // namespace dah::ui
