// Cross-check of Remic.Rates' Hull-White closed form: QuantLib's HullWhite::discountBondOption (Jamshidian's formula)
// on a flat continuously compounded curve, for calls and puts over a grid of mean reversions, volatilities, expiries,
// bond maturities and strikes. Build and run (Debian libquantlib0-dev):
//   c++ -O1 -o hw_bond_options hw_bond_options.cpp -lQuantLib && ./hw_bond_options > hw_bond_options.expected.txt
// Output: one line per case, "type a sigma rate expiry maturity strike_ratio price" (strike = ratio × forward bond price).
#include <ql/models/shortrate/onefactormodels/hullwhite.hpp>
#include <ql/termstructures/yield/flatforward.hpp>
#include <ql/time/calendars/nullcalendar.hpp>
#include <ql/time/daycounters/actual365fixed.hpp>
#include <cmath>
#include <cstdio>
using namespace QuantLib;
int main() {
    Settings::instance().evaluationDate() = Date(27, April, 2004);
    const double rates[] = {0.03, 0.05};
    const double as[] = {0.01, 0.1, 0.5};
    const double sigmas[] = {0.005, 0.01, 0.02};
    const double expiries[] = {1, 5, 10};
    const double tenors[] = {1, 5, 20};
    const double ratios[] = {0.9, 1.0, 1.1};
    for (double r : rates) {
        Handle<YieldTermStructure> curve(ext::make_shared<FlatForward>(0, NullCalendar(), r, Actual365Fixed(), Continuous));
        for (double a : as) for (double s : sigmas) {
            HullWhite hw(curve, a, s);
            for (double T : expiries) for (double n : tenors) for (double k : ratios) {
                double S = T + n, strike = k * curve->discount(S) / curve->discount(T);
                std::printf("call %.3f %.4f %.2f %.0f %.0f %.2f %.15e\n", a, s, r, T, S, k, hw.discountBondOption(Option::Call, strike, T, S));
                std::printf("put %.3f %.4f %.2f %.0f %.0f %.2f %.15e\n", a, s, r, T, S, k, hw.discountBondOption(Option::Put, strike, T, S));
            }
        }
    }
}
