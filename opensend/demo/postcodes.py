"""Synthetic postcodes in a local authority's real postcode districts. Pure Python.

The outward code (district, e.g. "LS6") is real for the LA's area, so maps and distances look
right; the inward code ("4QX") is random, so a full postcode may or may not exist. Districts are
listed for many LAs below (ranges like "LS1-20" mean LS1 to LS20); other LAs use districts of
their region.
"""

import random
import re

DISTRICTS_BY_LA = {
    # Yorkshire and The Humber
    "370": "S70-75 S36",
    "371": "DN1-12",
    "372": "S60-66 S25-26",
    "373": "S1-14 S17 S20 S35",
    "380": "BD1-18 BD20-22",
    "381": "HX1-7",
    "382": "HD1-9 WF12-17",
    "383": "LS1-20 LS25-28",
    "384": "WF1-11",
    "810": "HU1-9",
    "811": "HU10-20 YO15-16 YO25 DN14",
    "812": "DN31-37",
    "813": "DN15-20",
    "815": "HG1-5 YO11-14 YO21-22 YO7-8 DL6-8 BD23-24",
    "816": "YO1 YO10 YO19 YO23-24 YO26 YO30-32",
    # North East
    "390": "NE8-11 NE21",
    "391": "NE1-7 NE13 NE15",
    "392": "NE25-30",
    "393": "NE31-36",
    "394": "SR1-6 DH4-5",
    "840": "DH1-9 DL12-17",
    "805": "TS24-27",
    "806": "TS1-8",
    "807": "TS10-14",
    "808": "TS16-21",
    "841": "DL1-3",
    "929": "NE61-71",
    # North West
    "340": "L28 L32-36",
    "341": "L1-19 L24-25",
    "342": "WA9-11",
    "343": "L20-23 L30-31 PR8-9",
    "344": "CH41-49 CH60-63",
    "350": "BL1-7",
    "351": "BL8-9 M25-26",
    "352": "M1-4 M8-9 M11-23",
    "353": "OL1-4 OL8-9",
    "354": "OL11-12 OL16",
    "355": "M5-7 M27-28 M30 M44",
    "356": "SK1-8",
    "357": "SK14-16 OL5-7",
    "358": "M31-33 M41 WA14-15",
    "359": "WN1-7",
    "876": "WA7-8",
    "877": "WA1-5",
    "888": "PR1-7 LA1-5 BB4-12 FY5-8",
    "889": "BB1-3",
    "890": "FY1-4",
    "895": "CW1-12 SK9-11",
    "896": "CH1-4 CH64-66",
    "942": "CA1-15",
    "943": "LA7-23 CA16-17",
    # East Midlands
    "830": "DE4-7 S40-45 SK13 SK17",
    "831": "DE1 DE3 DE21-24",
    "855": "LE7-12 LE65 LE67",
    "856": "LE1-5",
    "857": "LE15",
    "891": "NG14-22 S80-81",
    "892": "NG1-11",
    "925": "LN1-13 PE10-12 PE20-25 NG31-34",
    "940": "NN8-18",
    "941": "NN1-7",
    # West Midlands
    "330": "B1-38 B42-45",
    "331": "CV1-6",
    "332": "DY1-9",
    "333": "B64-71",
    "334": "B90-94",
    "335": "WS1-5 WS8-10",
    "336": "WV1-11",
    "860": "ST15-21 WS11-15 DE13-15",
    "861": "ST1-6",
    "884": "HR1-9",
    "885": "WR1-15",
    "893": "SY1-13",
    "894": "TF1-7",
    "937": "CV21-23 CV31-37",
    # East of England
    "821": "LU1-4",
    "822": "MK40-45",
    "823": "LU5-7 SG15-19",
    "873": "CB1-5 CB21-25 PE13-16",
    "874": "PE1-7",
    "881": "CM1-3 CO1-7 SS11-16",
    "882": "SS0-3 SS9",
    "883": "RM15-20 SS17",
    "919": "AL1-5 SG1-14 WD17-19 WD23-25",
    "926": "NR1-35",
    "935": "IP1-14",
    # London
    "201": "EC1A EC2V EC3V EC4M",
    "202": "NW1 NW3 NW5 NW6 WC1H",
    "203": "SE3 SE7 SE9-10 SE18 SE28",
    "204": "E2 E5 E8-9 N16",
    "205": "W6 W12 W14 SW6",
    "206": "N1 N4-5 N7 N19 EC1V",
    "207": "W8 W10-11 SW3 SW5 SW7 SW10",
    "208": "SE11 SE24 SE27 SW2 SW4 SW8-9 SW16",
    "209": "SE4 SE6 SE8 SE12-14 SE23 SE26",
    "210": "SE1 SE5 SE15-17 SE21-22",
    "211": "E1 E3 E14",
    "212": "SW11-12 SW15 SW17-18",
    "213": "W1U W1H W2 W9 SW1V NW8",
    "301": "IG11 RM8-10",
    "302": "N2-3 N11-12 N20 NW4 NW7 NW11 EN4-5",
    "303": "DA5-8 DA14-16",
    "304": "NW2 NW10 HA0 HA9",
    "305": "BR1-7",
    "306": "CR0 CR2 CR7-8 SE25",
    "307": "W3 W5 W7 W13 UB1-2 UB5-6",
    "308": "EN1-3 N9 N13-14 N18 N21",
    "309": "N8 N10 N15 N17 N22",
    "310": "HA1-3 HA5 HA7",
    "311": "RM1-7 RM11-14",
    "312": "UB3-4 UB7-10 HA4",
    "313": "TW3-5 TW7-8 TW13-14",
    "314": "KT1-3 KT5-6 KT9",
    "315": "SW19-20 CR4 SM4",
    "316": "E6-7 E12-13 E15-16",
    "317": "IG1-6 IG8",
    "318": "TW1-2 TW9-12 SW13-14",
    "319": "SM1-3 SM5-6",
    "320": "E4 E10-11 E17",
    # South East
    "845": "BN20-27 TN31-40",
    "846": "BN1-3 BN41",
    "850": "SO20-24 GU11-14 RG21-24 PO7-9",
    "851": "PO1-6",
    "852": "SO14-19",
    "867": "RG12 RG42",
    "868": "SL4 SL6",
    "869": "RG14 RG18-20",
    "870": "RG1-2 RG4 RG30-31",
    "871": "SL1-3",
    "872": "RG40-41",
    "825": "HP5-22 SL7-9",
    "826": "MK1-19",
    "886": "ME14-20 CT1-6 TN23-25",
    "887": "ME1-8",
    "921": "PO30-41",
    "931": "OX1-18",
    "936": "GU1-7 KT10-24 RH1-8",
    "938": "RH10-20 BN11-18 PO18-22",
    # South West
    "800": "BA1-2",
    "801": "BS1-16",
    "802": "BS20-24 BS48-49",
    "803": "BS30-32 BS34-37",
    "839": "BH1-18",
    "838": "DT1-11",
    "865": "SN8-16 SP1-5 BA12-15",
    "866": "SN1-6 SN25-26",
    "878": "EX1-24 EX31-39",
    "879": "PL1-9",
    "880": "TQ1-6",
    "908": "TR1-20 PL25-35",
    "916": "GL1-20",
    "933": "TA1-24",
    "420": "TR21-25",
}
DISTRICTS_BY_REGION = {
    "North East": "NE1-9 DH1-9 TS1-9 DL1-5 SR1-6",
    "North West": "M1-9 L1-9 WA1-9 PR1-9 BB1-9 CW1-9 LA1-9 OL1-9 BL1-9 SK1-9 CA1-9",
    "Yorkshire and The Humber": "LS1-9 BD1-9 HD1-9 HX1-7 WF1-9 S1-9 DN1-9 HU1-9 HG1-5",
    "East Midlands": "NG1-9 LE1-9 DE1-7 LN1-9 NN1-9 S40-45",
    "West Midlands": "B1-9 CV1-9 WV1-9 WS1-9 DY1-9 ST1-9 TF1-7 WR1-9 HR1-9 SY1-9",
    "East of England": "CB1-9 CM1-9 CO1-9 IP1-9 NR1-9 PE1-9 SG1-9 LU1-7 AL1-9 SS1-9",
    "London": "E1-9 N1-9 SE1-9 SW2-9 W2-9 NW1-9",
    "South East": "RG1-9 GU1-9 OX1-9 PO1-9 BN1-9 ME1-9 CT1-9 TN1-9 RH1-9 HP1-9 KT1-9",
    "South West": "BS1-9 EX1-9 PL1-9 TA1-9 BA1-9 GL1-9 SN1-9 TR1-9 BH1-9 DT1-9 TQ1-9",
}
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # letters used in the last two places of a postcode
_RANGE = re.compile(r"^([A-Z]+)(\d+)-(\d+)$")


def expand(districts: str) -> list[str]:
    """'LS1-3 YO1' -> ['LS1', 'LS2', 'LS3', 'YO1']."""
    result = []
    for token in districts.split():
        match = _RANGE.match(token)
        if match:
            area, first, last = match.group(1), int(match.group(2)), int(match.group(3))
            result.extend(f"{area}{n}" for n in range(first, last + 1))
        else:
            result.append(token)
    return result


def districts_for(la_code: str, region: str) -> list[str]:
    return expand(DISTRICTS_BY_LA.get(la_code) or DISTRICTS_BY_REGION.get(region, "LS1-9"))


def synthetic_postcode(rng: random.Random, districts: list[str]) -> str:
    letters = rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{rng.choice(districts)} {rng.randint(1, 9)}{letters}"
