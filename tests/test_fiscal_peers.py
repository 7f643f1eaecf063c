"""The fiscal reconciliation, output per firm and Hunan HTZ peer exhibits, against hand-computed numbers."""

from __future__ import annotations

import pandas as pd
import pytest

from ygx_analysis.data.tables import load_context
from ygx_analysis.exhibits import get, render
from ygx_analysis.exhibits.fiscal_peers import fiscal_reconciliation_table, htz_peers_table, output_per_firm_table

# H1 shares of the output rule (rows hn_*/cn_*_h1_share_*): min 45.2 %, median 46.5 %, max 48.0 %.
H1_LOW, H1_MID, H1_HIGH = 0.452, 0.465, 0.480


def by_rows(table: pd.DataFrame) -> pd.DataFrame:
    return table.set_index("row")


def test_remainder_is_total_minus_budget_from_the_printed_rounding():
    t = fiscal_reconciliation_table("en").set_index("item")
    # 62.08 − 60.67 = 1.41; ends (62.075 − 60.675, 62.085 − 60.665) = (1.40, 1.42)
    row = t.loc["Remainder: total − budget revenue"]
    assert (row["value"], row["low"], row["high"]) == pytest.approx((1.41, 1.40, 1.42), abs=1e-9)
    assert t.loc["Total fiscal revenue (2024)", "value"] == 62.08
    # not the budget entity's revenue under either reading (audit.budget_revenue_scope): scope not established
    assert t.loc["General budget revenue (2024)", "scope"] == "scope not established"
    assert t.loc["Total fiscal revenue (2024)", "scope"] == "full scope (territory not established)"


def test_budget_revenue_per_annual_output_and_value_added():
    t = fiscal_reconciliation_table("en")
    out = t[t["item"].str.contains("gross output") & t["item"].str.startswith("Budget")].iloc[0]
    # 60.67 / (201.69 / 0.465) = 13.988 %; range 60.665 / (201.695 / 0.452) … 60.675 / (201.685 / 0.480)
    assert out["value"] == pytest.approx(100 * 60.67 * H1_MID / 201.69, abs=1e-3)
    assert out["low"] == pytest.approx(100 * 60.665 * H1_LOW / 201.695, abs=1e-3)
    assert out["high"] == pytest.approx(100 * 60.675 * H1_HIGH / 201.685, abs=1e-3)
    va = t[t["item"].str.contains("value added") & t["item"].str.startswith("Budget")].iloc[0]
    assert va["value"] == pytest.approx(100 * 60.67 * H1_MID / 47.83, abs=1e-3)  # 58.98 %
    assert "value_added_2025h1" in va["row"]


def test_peer_ratios_match_their_derived_rows_and_carry_their_scope():
    t = by_rows(fiscal_reconciliation_table("en"))
    cases = {  # revenue / output × 100, by hand from the level rows; scope from the row's wording
        "park_cs_etdz_fiscal_revenue_2017, park_cs_etdz_gross_output_2017": (155.7 / 2348.5, "scope not stated"),
        "park_cd_etdz_gpb_revenue_m01_m07_2021, park_cd_etdz_gross_output_m01_m07_2021": (14.51 / 289.3,
                                                                                         "scope not stated"),
        "park_longling_fiscal_tax_revenue_2021, park_longling_iva_2021": (17.33 / 154.3, "scope not stated"),
        "park_cs_htz_fiscal_revenue_total_2016, park_cs_htz_gross_output_2016": (90 / 1400, "full scope"),
        "park_yj_htz_industrial_tax_target_2023, park_yj_htz_gross_output_target_2023": (5.5 / 435, "full scope"),
    }
    for rows, (ratio, scope) in cases.items():
        assert t.loc[rows, "value"] == pytest.approx(100 * ratio, abs=1e-3)
        assert t.loc[rows, "scope"] == scope
    ctx = load_context().set_index("id")
    # the stored derived rows (two decimals) agree with the recomputation
    assert t.loc["park_cs_etdz_fiscal_revenue_2017, park_cs_etdz_gross_output_2017", "value"] == pytest.approx(
        ctx.loc["park_cs_etdz_revenue_to_output_2017", "value"], abs=0.005)


def test_zone_ratio_lies_above_every_peer_ratio_to_output():
    t = fiscal_reconciliation_table("en")
    zone = t[t["item"].str.startswith("Budget revenue ÷ annual gross")].iloc[0]
    peers = t[t["item"].str.contains("/ gross output")]
    assert len(peers) == 5
    assert zone["low"] > peers["high"].max()


def test_output_per_firm_by_hand():
    t = output_per_firm_table("en")
    # 201.69 / 0.465 / 487 = 0.8907 亿元 per firm; range 201.685 / 0.480 / 487 … 201.695 / 0.452 / 487
    assert t.loc[0, "value"] == pytest.approx(201.69 / H1_MID / 487, abs=1e-3)
    assert t.loc[0, "low"] == pytest.approx(201.685 / H1_HIGH / 487, abs=1e-3)
    assert t.loc[0, "high"] == pytest.approx(201.695 / H1_LOW / 487, abs=1e-3)
    assert t.loc[1, "value"] == pytest.approx(47.83 / H1_MID / 487, abs=1e-3)
    assert all("四上" in note for note in t["note"])
    assert "四上" in output_per_firm_table("zh").loc[0, "说明"]


def test_htz_table_lists_nine_zones_and_says_what_is_missing():
    t = htz_peers_table("en").set_index("zone")
    assert len(t) == 9
    assert t.loc["Yiyang HTZ (this zone)", "national rank 2024"] == "missing"
    assert t.loc["Yiyang HTZ (this zone)", "rank in Hunan"] == "No. 3 (2020)"
    assert "487 above-scale firms" in t.loc["Yiyang HTZ (this zone)", "firm counts"]
    assert t.loc["Huaihua HTZ", "firm counts"] == "62 above-scale firms (2021-end)"
    assert t.loc["Changde HTZ"].tolist() == ["missing"] * 6
    zh = htz_peers_table("zh").set_index("园区")
    assert zh.loc["株洲高新区", "2024年全国排名"] == "第35位（2024）"
    assert zh.loc["常德高新区", "面积"] == "缺"


def test_htz_table_refuses_a_count_that_disagrees():
    ctx = load_context().copy()
    ctx.loc[ctx["id"] == "hn_national_htz_count_2022", "value"] = 10.0
    ctx.loc[ctx["id"] == "hn_national_htz_count_2022", "value_printed"] = "10"
    with pytest.raises(ValueError, match="context"):
        htz_peers_table("en", context=ctx)


@pytest.mark.parametrize("exhibit_id", ["tab-fiscal-reconciliation", "tab-output-per-firm", "tab-hunan-htz-peers"])
def test_declared_rows_cover_the_rows_shown_and_sources_match(exhibit_id):
    e = get(exhibit_id)
    table = render(exhibit_id, "en")
    shown = {r.strip() for cell in table["row"] for r in cell.split(",")} - {"missing"}
    assert shown <= set(e.indicators) | set(e.context)
    ctx = load_context().set_index("id")
    assert set(e.sources) == {"article"} | set(ctx.loc[list(e.context), "source_id"])


def test_wrong_language_is_refused():
    with pytest.raises(ValueError, match="lang"):
        fiscal_reconciliation_table("fr")


def test_zone_fiscal_position_by_hand():
    from ygx_analysis.exhibits.fiscal_peers import fiscal_position_table

    t = fiscal_position_table("en").set_index("row")
    # rows zone_entity_*: 3.7, 2.9, 6.2, 166.4, 167.8 (city finance bureau's report, 2025-12-24)
    assert float(t.loc["zone_entity_local_gpb_revenue_2025", "value"]) == 3.7
    assert float(t.loc["zone_entity_debt_balance_2025", "value"]) == 166.4
    assert float(t.loc["zone_entity_debt_balance_2025, zone_entity_local_gpb_revenue_2025", "value"]) \
        == pytest.approx(166.4 / 3.7)                                                     # 44.97 times
    assert float(t.loc["zone_entity_debt_balance_2025, zone_entity_debt_ceiling_2025", "value"]) \
        == pytest.approx(100 * 166.4 / 167.8)                                             # 99.2 %
    assert float(t.loc["zone_entity_local_gpb_revenue_2025, zone_entity_gpb_expenditure_2025", "value"]) \
        == pytest.approx(100 * 3.7 / 6.2)                                                 # 59.7 %
    assert t.loc["zone_entity_local_gpb_revenue_budget_2026", "status"] == "target"
    assert set(t["scope"]) == {"zone budget entity (not the article's scope)"}
    zh = fiscal_position_table("zh")
    assert "政府债务余额÷地方一般公共预算收入" in set(zh["项目"]) and zh.attrs["display_decimals"] == {"数值": 1}


@pytest.mark.parametrize("exhibit_id", ["tab-zone-fiscal-position", "fig-zone-fiscal-position"])
def test_zone_fiscal_position_cites_the_finance_bureau(exhibit_id):
    e = get(exhibit_id)
    ctx = load_context().set_index("id")
    assert e.sources == ("yy_czj_budget_report_2025",) == tuple(set(ctx.loc[list(e.context), "source_id"]))
    assert all(row.startswith("zone_entity_") for row in e.context)
    assert e.notebook == "02_growth.ipynb"


def test_zone_fiscal_position_figure_fits_the_page():
    from ygx_analysis.exhibits.style import figure_texts
    from matplotlib.text import Text

    fig = render("fig-zone-fiscal-position", "en")
    assert fig.get_figwidth() * 2.54 <= 16.0
    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_text() and "Source" not in t.get_text()
             and "ygx_analysis" not in t.get_text()]
    assert min(sizes) >= 8
    assert "Zone budget entity, 2025: government debt about 45 times its local revenue" in figure_texts(fig)
